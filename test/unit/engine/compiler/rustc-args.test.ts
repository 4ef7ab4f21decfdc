import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutFor } from '../../../../src/main/engine/compiler/layout'
import { resolveProfile } from '../../../../src/main/engine/compiler/profile'
import { profileArgs, rustcInvocation } from '../../../../src/main/engine/compiler/rustc-args'
import type { Unit } from '../../../../src/main/engine/compiler/unit'
import { loadPackage } from '../../../../src/main/engine/manifest/read-manifest'
import { CRATES_IO, type SourceId } from '../../../../src/main/engine/sources/source-id'
import type { PackageNode } from '../../../../src/main/engine/workspace/package-graph'
import { project } from '../../../helpers/project'
import { tempDir } from '../../../helpers/temp-dir'

const args = (name: string, decl: Record<string, unknown> = {}) =>
  profileArgs(resolveProfile(name, { [name]: decl }, '/p/Cargo.toml')).join(' ')

describe('profile flags, as cargo passes them', () => {
  it('dev: debuginfo only', () => {
    expect(args('dev')).toBe('-C embed-bitcode=no -C debuginfo=2')
  })

  it('release: optimised, debuginfo stripped', () => {
    expect(args('release')).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(resolveProfile('release', {}, '/p').strip).toBe('debuginfo')
  })

  it('passes overflow-checks only where it differs from debug-assertions', () => {
    expect(args('release', { overflowChecks: true })).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C overflow-checks=on'
    )
    expect(args('dev', { overflowChecks: false })).toBe(
      '-C embed-bitcode=no -C debuginfo=2 -C overflow-checks=off'
    )
    expect(args('dev', { debugAssertions: false })).toBe(
      '-C embed-bitcode=no -C debuginfo=2 -C debug-assertions=off -C overflow-checks=on'
    )
    expect(args('release', { debugAssertions: true })).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C debug-assertions=on -C overflow-checks=off'
    )
  })

  it('maps panic, lto and codegen-units', () => {
    expect(args('release', { panic: 'abort', lto: 'thin', codegenUnits: 1 })).toBe(
      '-C opt-level=3 -C panic=abort -C lto=thin -C codegen-units=1'
    )
    expect(args('release', { lto: 'true' })).toBe('-C opt-level=3 -C lto')
  })

  it('refuses unknown profiles', () => {
    expect(() => resolveProfile('bench-ish', {}, '/p/Cargo.toml')).toThrow(/Unknown profile `bench-ish`/)
  })
})

describe('LTO where objects are linked', () => {
  const lto = (value: string, linksHere: boolean) =>
    profileArgs(resolveProfile('release', { release: { lto: value } }, '/p'), linksHere).join(' ')

  it('passes -C lto to binaries and other final artifacts only', () => {
    expect(lto('true', true)).toBe('-C opt-level=3 -C lto')
    expect(lto('thin', true)).toBe('-C opt-level=3 -C lto=thin')
    expect(lto('true', false)).toBe('-C opt-level=3')
    expect(lto('thin', false)).toBe('-C opt-level=3')
  })

  it('without LTO, nobody embeds bitcode', () => {
    expect(lto('false', false)).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(lto('off', false)).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(lto('off', true)).toBe('-C opt-level=3 -C lto=off')
  })
})

describe('dependencies from registries and git, as cargo compiles them', () => {
  async function libUnit(dir: string, source: SourceId, layoutRoot: string) {
    const pkg = await loadPackage(join(dir, 'Cargo.toml'))
    const profile = resolveProfile('dev', {}, pkg.manifest.path)
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
