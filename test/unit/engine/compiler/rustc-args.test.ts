import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutFor } from '../../../../src/main/engine/compiler/layout'
import {
  manifestProfilesFromText,
  resolveProfiles,
  type Profile,
  type ProfilePackage,
  type UnitLto
} from '../../../../src/main/engine/compiler/profile'
import { rustcInvocation, type InvocationContext } from '../../../../src/main/engine/compiler/rustc-args'
import type { Unit } from '../../../../src/main/engine/compiler/unit'
import type { Package, Target } from '../../../../src/main/engine/manifest/model'
import { loadPackage } from '../../../../src/main/engine/manifest/read-manifest'
import { CRATES_IO, type SourceId } from '../../../../src/main/engine/sources/source-id'
import type { PackageNode } from '../../../../src/main/engine/workspace/package-graph'
import { project } from '../../../helpers/project'
import { tempDir } from '../../../helpers/temp-dir'

const MEMBER: ProfilePackage = { name: 'p', isMember: true }

/** Profile `name` of the root package with `[profile.NAME]` holding `table`. */
function profileOf(name: string, table = '', pkg: ProfilePackage = MEMBER, forHost = false): Profile {
  const text = `[package]\nname = "p"\nversion = "0.1.0"\n${table ? `[profile.${name}]\n${table}` : ''}`
  const profiles = resolveProfiles({
    manifestProfiles: manifestProfilesFromText(text, '/p/Cargo.toml').profiles,
    manifestPath: '/p/Cargo.toml'
  })
  return profiles.forUnit(name, pkg, forHost)
}

function target(pkg: Package, kind: Target['kind'], extra: Partial<Target> = {}): Target {
  const t = pkg.targets.find((x) => x.kind === kind)
  if (!t) throw new Error(`fixture has no ${kind} target`)
  return { ...t, ...extra }
}

/** A unit of a path package at `<tmp>/app` with a library, a binary and a test without a harness. */
async function fixture() {
  const root = await tempDir()
  const app = await project('app')
    .manifest('app', '[[test]]\nname = "plain"\nharness = false\n')
    .file('src/lib.rs', '')
    .file('src/main.rs', 'fn main() {}\n')
    .file('tests/plain.rs', 'fn main() {}\n')
    .build(root)
  const pkg = await loadPackage(join(app.root, 'Cargo.toml'))
  const node: PackageNode = {
    id: 'app',
    pkg,
    isRoot: true,
    deps: [],
    source: { kind: 'path', path: app.root }
  }
  const unitOf = (t: Target, profile: Profile, extra: Partial<Unit> = {}): Unit => ({
    id: `app ${t.kind}`,
    pkgKey: 'app',
    node,
    kind: t.kind,
    target: t,
    mode: 'compile',
    test: false,
    forHost: false,
    profile,
    features: [],
    primary: true,
    deps: [],
    hash: '0123456789abcdef',
    ...extra
  })
  const layout = layoutFor(join(app.root, 'target'), profileOf('dev'))
  const ctx: InvocationContext = { layout, cwd: app.root, baseEnv: {} }
  return { pkg, unitOf, layout, ctx }
}

/** The flags between `from` and `to` (exclusive), as one string. */
function between(args: readonly string[], from: string, to: string): string {
  return args.slice(args.indexOf(from) + 1, args.indexOf(to)).join(' ')
}

describe('profile flags, where cargo 1.95 puts them', () => {
  it('dev: codegen after --emit, incremental after --out-dir', async () => {
    const { pkg, unitOf, ctx, layout } = await fixture()
    const args = rustcInvocation(unitOf(target(pkg, 'lib'), profileOf('dev')), ctx).args
    expect(between(args, '--emit=dep-info,metadata,link', '--check-cfg')).toBe(
      '-C embed-bitcode=no -C debuginfo=2'
    )
    expect(between(args, layout.deps, '-L')).toBe(`-C incremental=${layout.incremental}`)
  })

  it('every group in its place: rpath before --out-dir, strip after incremental, checks before --test', async () => {
    const { pkg, unitOf, ctx, layout } = await fixture()
    const profile = profileOf(
      'dev',
      'opt-level = 1\noverflow-checks = false\nrpath = true\nstrip = "symbols"\ncodegen-units = 4\n'
    )
    const args = rustcInvocation(unitOf(target(pkg, 'lib'), profile, { test: true }), ctx).args
    expect(args).not.toContain('--crate-type')
    expect(between(args, '--emit=dep-info,link', '--check-cfg')).toBe(
      '-C opt-level=1 -C embed-bitcode=no -C codegen-units=4 -C debuginfo=2 -C debug-assertions=on -C overflow-checks=off --test'
    )
    expect(between(args, 'extra-filename=-0123456789abcdef', layout.deps)).toBe('-C rpath --out-dir')
    expect(between(args, layout.deps, '-L')).toBe(`-C incremental=${layout.incremental} -C strip=symbols`)
  })

  it('a test without a harness gets cfg(test), not libtest', async () => {
    const { pkg, unitOf, ctx } = await fixture()
    const args = rustcInvocation(unitOf(target(pkg, 'test'), profileOf('dev'), { test: true }), ctx).args
    expect(args).not.toContain('--test')
    expect(between(args, 'debuginfo=2', '--check-cfg')).toBe('--cfg test')
  })

  it("takes the unit's LTO decision from the plan; alone, a library under LTO keeps only bitcode", async () => {
    const { pkg, unitOf, ctx } = await fixture()
    const release = profileOf('release', 'lto = "fat"\n')
    const lib = unitOf(target(pkg, 'lib'), release)
    const bin = unitOf(target(pkg, 'bin'), release)
    const codegen = (u: Unit, lto?: UnitLto) => {
      const args = rustcInvocation(u, lto ? { ...ctx, lto: new Map([[u, lto]]) } : ctx).args
      return between(
        args,
        args.find((a) => a.startsWith('--emit='))!,
        '--check-cfg'
      )
    }
    expect(codegen(bin)).toBe('-C opt-level=3 -C lto=fat')
    expect(codegen(lib)).toBe('-C opt-level=3 -C linker-plugin-lto')
    // An rlib a build script also links needs object code too: no flag at all.
    expect(codegen(lib, { type: 'object-and-bitcode' })).toBe('-C opt-level=3')
    expect(codegen(lib, { type: 'only-object' })).toBe('-C opt-level=3 -C embed-bitcode=no')
    const off = unitOf(target(pkg, 'lib'), profileOf('release', 'lto = "off"\n'))
    expect(codegen(off)).toBe('-C opt-level=3 -C lto=off -C embed-bitcode=no')
  })
})

describe('dependencies from registries and git, as cargo compiles them', () => {
  async function libUnit(dir: string, source: SourceId, layoutRoot: string) {
    const pkg = await loadPackage(join(dir, 'Cargo.toml'))
    const isLocal = source.kind === 'path'
    const profile = profileOf('dev', '', { name: pkg.manifest.package.name, isMember: isLocal, isLocal })
    const node: PackageNode = { id: dir, pkg, isRoot: false, deps: [], source }
    const unit: Unit = {
      id: `${dir} lib`,
      pkgKey: dir,
      node,
      kind: 'lib',
      target: pkg.targets[0]!,
      mode: 'compile',
      test: false,
      forHost: false,
      profile,
      features: [],
      primary: false,
      deps: [],
      hash: '0123456789abcdef'
    }
    return {
      unit,
      ctx: { layout: layoutFor(join(layoutRoot, 'target'), profile), cwd: layoutRoot, baseEnv: {} }
    }
  }

  it('a path package below the workspace: relative source, incremental, its lints shown', async () => {
    const root = await tempDir()
    const app = await project('app').manifest('app').file('src/lib.rs', '').build(root)
    const { unit, ctx } = await libUnit(app.root, { kind: 'path', path: app.root }, app.root)
    const inv = rustcInvocation(unit, ctx)
    expect(inv.cwd).toBe(app.root)
    expect(inv.args).toContain('src/lib.rs')
    expect(inv.args).toContain(`incremental=${ctx.layout.incremental}`)
    expect(inv.args).not.toContain('--cap-lints')
  })

  it('a registry or git package: lints capped, no incremental cache, compiled from its own folder', async () => {
    const root = await tempDir()
    const dep = await project('registry/itoa-1.0.1').manifest('itoa').file('src/lib.rs', '').build(root)
    for (const source of [
      CRATES_IO,
      { kind: 'git', url: 'file:///r/itoa.git', ref: { type: 'default' }, precise: 'ab'.repeat(20) }
    ] satisfies SourceId[]) {
      const { unit, ctx } = await libUnit(dep.root, source, join(root, 'app'))
      const inv = rustcInvocation(unit, ctx)
      expect(inv.cwd).toBe(dep.root)
      expect(inv.args).toContain(join(dep.root, 'src', 'lib.rs'))
      expect(inv.args.join(' ')).not.toContain('incremental=')
      expect(inv.args.slice(-2)).toEqual(['--cap-lints', 'allow'])
      expect(inv.env.CARGO_MANIFEST_DIR).toBe(dep.root)
    }
  })
})
