import { describe, expect, it } from 'vitest'
import {
  cliFeaturesFrom,
  type FeatureFlags
} from '../../../../../src/main/engine/resolver/feature-resolver/cli-features'
import { resolveDependencyFeatures } from '../../../../../src/main/engine/resolver/feature-resolver/dependency-features'
import {
  featureOpts,
  resolveFeatures
} from '../../../../../src/main/engine/resolver/feature-resolver/feature-resolver'
import { membersWithFeatures } from '../../../../../src/main/engine/resolver/feature-resolver/members-with-features'
import {
  HOST,
  type CompileKind,
  type TargetData
} from '../../../../../src/main/engine/resolver/feature-resolver/target-data'
import { makeResolve, type PkgSpec } from './make-resolve'

const LINUX: TargetData = {
  host: {
    triple: 'x86_64-unknown-linux-gnu',
    cfg: new Map([
      ['unix', []],
      ['target_os', ['linux']]
    ])
  },
  targets: new Map([
    ['x86_64-pc-windows-msvc', { triple: 'x86_64-pc-windows-msvc', cfg: new Map([['windows', []]]) }]
  ])
}

interface RunOptions {
  readonly flags?: FeatureFlags
  readonly resolver?: '1' | '2'
  readonly dev?: boolean
  readonly kinds?: readonly CompileKind[]
  readonly allTargets?: boolean
  readonly procMacros?: readonly string[]
}

function run(packages: readonly PkgSpec[], o: RunOptions = {}) {
  const { resolve, keyOf } = makeResolve(packages)
  const root = packages[0]!
  const member = {
    key: keyOf(root.name),
    id: resolve.packages.get(keyOf(root.name))!.id,
    summary: resolve.packages.get(keyOf(root.name))!.summary
  }
  const members = membersWithFeatures({
    members: [member],
    current: member,
    specs: [{ name: root.name, matches: (id) => id.name === root.name }],
    cli: cliFeaturesFrom(o.flags ?? {}),
    newBehavior: (o.resolver ?? '2') !== '1'
  })
  const targeted = resolveDependencyFeatures(resolve, members, o.dev ?? true)
  const features = resolveFeatures({
    targeted,
    members: members.map((m) => ({ key: m.member.key, features: m.features })),
    opts: featureOpts(o.resolver ?? '2', o.dev ?? true, o.allTargets ?? false),
    targetData: LINUX,
    requestedKinds: o.kinds ?? [HOST],
    isProcMacro: (key) => (o.procMacros ?? []).some((n) => keyOf(n) === key)
  })
  return {
    targeted,
    features,
    unified: (name: string) => targeted.packages.get(keyOf(name))?.features,
    normal: (name: string) => features.features(keyOf(name), 'normal'),
    host: (name: string) => features.features(keyOf(name), 'host'),
    active: (name: string, dep: string, fk: 'normal' | 'host' = 'normal') =>
      features.isDepActivated(keyOf(name), fk, dep),
    has: (name: string) => targeted.packages.has(keyOf(name))
  }
}

const LIB: PkgSpec = { name: 'lib', features: { default: ['std'], std: [], extra: ['std'], big: [] } }

describe('feature resolution', () => {
  it('enables default features, features they name, and what dependents ask for', () => {
    const r = run([{ name: 'root', path: true, deps: [{ name: 'lib', features: ['extra'] }] }, LIB])
    expect(r.normal('lib')).toEqual(['default', 'extra', 'std'])
    expect(r.unified('lib')).toEqual(['default', 'extra', 'std'])
  })

  it('leaves defaults off for `default-features = false` and `--no-default-features`', () => {
    const root: PkgSpec = {
      name: 'root',
      path: true,
      features: { default: ['lib/big'] },
      deps: [{ name: 'lib', defaultFeatures: false }]
    }
    expect(run([root, LIB]).normal('lib')).toEqual(['big'])
    expect(run([root, LIB], { flags: { noDefaultFeatures: true } }).normal('lib')).toEqual([])
  })

  it('switches an optional dependency on through its implicit feature or `dep:`', () => {
    const root: PkgSpec = {
      name: 'root',
      path: true,
      features: { viadep: ['dep:other'] },
      deps: [
        { name: 'lib', optional: true },
        { name: 'other', optional: true }
      ]
    }
    const pkgs = [root, LIB, { name: 'other' }]
    const off = run(pkgs)
    expect(off.has('lib')).toBe(false)
    expect(off.active('root', 'lib')).toBe(false)
    const on = run(pkgs, { flags: { features: ['lib viadep'] } })
    expect(on.normal('root')).toEqual(['lib', 'viadep'])
    expect(on.active('root', 'lib')).toBe(true)
    expect(on.active('root', 'other')).toBe(true)
  })

  it('makes `x?/feat` wait for x in the feature resolver but enables x in the dependency resolver', () => {
    const root: PkgSpec = {
      name: 'root',
      path: true,
      features: { weak: ['lib?/big'], strong: ['lib/big'] },
      deps: [{ name: 'lib', optional: true }]
    }
    const weak = run([root, LIB], { flags: { features: ['weak'] } })
    expect(weak.has('lib')).toBe(true)
    expect(weak.unified('lib')).toEqual(['big', 'default', 'std'])
    expect(weak.active('root', 'lib')).toBe(false)
    expect(weak.unified('root')).toEqual(['weak'])

    const both = run([root, LIB], { flags: { features: ['weak', 'lib'] } })
    expect(both.normal('lib')).toEqual(['big', 'default', 'std'])
    const strong = run([root, LIB], { flags: { features: ['strong'] } })
    expect(strong.normal('root')).toEqual(['lib', 'strong'])
  })

  it('builds build-dependencies and proc-macros for the host with their own features (resolver 2)', () => {
    const pkgs: PkgSpec[] = [
      {
        name: 'root',
        path: true,
        deps: [
          { name: 'lib', defaultFeatures: false },
          { name: 'lib', kind: 'build', features: ['big'] },
          { name: 'pm' }
        ]
      },
      LIB,
      { name: 'pm', deps: [{ name: 'lib', features: ['extra'] }] }
    ]
    const v2 = run(pkgs, { procMacros: ['pm'] })
    expect(v2.normal('lib')).toEqual([])
    expect(v2.host('lib')).toEqual(['big', 'default', 'extra', 'std'])
    expect(v2.host('pm')).toEqual([])
    const v1 = run(pkgs, { resolver: '1', procMacros: ['pm'] })
    expect(v1.normal('lib')).toEqual(['big', 'default', 'extra', 'std'])
    expect(v1.host('lib')).toEqual(v1.normal('lib'))
  })

  it('counts dev-dependencies only when dev units are built', () => {
    const pkgs: PkgSpec[] = [
      {
        name: 'root',
        path: true,
        deps: [
          { name: 'lib', defaultFeatures: false },
          { name: 'lib', kind: 'dev', features: ['big'], defaultFeatures: false }
        ]
      },
      LIB
    ]
    expect(run(pkgs, { dev: true }).normal('lib')).toEqual(['big'])
    expect(run(pkgs, { dev: false }).normal('lib')).toEqual([])
    expect(run(pkgs, { dev: false, resolver: '1' }).normal('lib')).toEqual([])
  })

  it('ignores other platforms’ dependencies with resolver 2 unless every target counts', () => {
    const pkgs: PkgSpec[] = [
      {
        name: 'root',
        path: true,
        deps: [
          { name: 'lib', defaultFeatures: false },
          { name: 'lib', target: 'cfg(windows)', features: ['big'], defaultFeatures: false }
        ]
      },
      LIB
    ]
    expect(run(pkgs).normal('lib')).toEqual([])
    expect(run(pkgs, { allTargets: true }).normal('lib')).toEqual(['big'])
    expect(run(pkgs, { resolver: '1' }).normal('lib')).toEqual(['big'])
    expect(
      run(pkgs, { kinds: [{ type: 'target', triple: 'x86_64-pc-windows-msvc' }] }).normal('lib')
    ).toEqual(['big'])
  })

  it('applies `dep/feat` and `member/feat` from the command line', () => {
    const root: PkgSpec = {
      name: 'root',
      path: true,
      features: { own: [] },
      deps: [{ name: 'lib', defaultFeatures: false }]
    }
    const r = run([root, LIB], { flags: { features: ['lib/big,root/own'] } })
    expect(r.normal('lib')).toEqual(['big'])
    expect(r.normal('root')).toEqual(['own'])
  })

  it('rejects features no selected package has, with cargo’s words', () => {
    const root: PkgSpec = { name: 'root', path: true, deps: [{ name: 'lib' }] }
    expect(() => run([root, LIB], { flags: { features: ['nope'] } })).toThrow(
      "the package 'root' does not contain this feature: nope"
    )
    expect(() => run([root, LIB], { flags: { features: ['dep:lib'] } })).toThrow('explicit `dep:` syntax')
    expect(() => run([root, LIB], { resolver: '1', flags: { features: ['nope'] } })).toThrow(
      'does not have the feature `nope`'
    )
  })
})
