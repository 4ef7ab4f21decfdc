import { describe, expect, it } from 'vitest'
import { layoutFor } from '../../../../src/main/engine/compiler/layout'
import { resolveProfile } from '../../../../src/main/engine/compiler/profile'
import { rustcInvocation } from '../../../../src/main/engine/compiler/rustc-args'
import { planBuild, type TargetSelection } from '../../../../src/main/engine/compiler/unit-graph'
import { profileChooser } from '../../../../src/main/engine/compiler/plan/profile-for'
import { resolveWorkspaceFeatures } from '../../../../src/main/engine/resolver/feature-resolver/resolve-workspace-features'
import { hostTargetData } from '../../../../src/main/engine/resolver/feature-resolver/target-data'
import { resolveWorkspace } from '../../../../src/main/engine/workspace/resolve-workspace'
import { project } from '../../../helpers/project'
import { tempDir } from '../../../helpers/temp-dir'

async function plan(
  selection: TargetSelection = { lib: true, bins: 'all' },
  appManifestExtra = '',
  utilExtra = ''
) {
  const root = await tempDir()
  await project('util')
    .manifest('util', `[features]\nfancy = []\n${utilExtra}`)
    .file('src/lib.rs', '')
    .build(root)
  await project('app')
    .manifest(
      'app',
      `[dependencies]\nmy-util = { path = "../util", package = "util", features = ["fancy"] }\n${appManifestExtra}`
    )
    .file('src/lib.rs', '')
    .file('src/main.rs', 'fn main() {}')
    .file('src/bin/tool.rs', 'fn main() {}')
    .build(root)
  const ws = await resolveWorkspace({
    manifestPath: `${root}/app/Cargo.toml`,
    env: {},
    homeDir: root,
    cacheDir: `${root}/cache`,
    offline: true
  })
  const targetData = hostTargetData({ host: 'x86_64-unknown-linux-gnu', cfg: new Map([['unix', []]]) })
  const features = resolveWorkspaceFeatures(ws, { hasDevUnits: false, targetData })
  const profile = resolveProfile('dev', {}, '')
  const layout = layoutFor(`${root}/app/target`, profile)
  return {
    root,
    layout,
    plan: planBuild({
      ws,
      features,
      targetData,
      profileFor: profileChooser(profile),
      layout,
      selection,
      rustcVersion: 'rustc 1.95.0'
    })
  }
}

describe('planning units', () => {
  it('orders dependencies first: util lib, app lib, then each bin', async () => {
    const { plan: p } = await plan()
    expect(
      p.units.map((u) => `${u.node.pkg.manifest.package.name}:${u.target?.kind}:${u.target?.name}`)
    ).toEqual(['util:lib:util', 'app:lib:app', 'app:bin:app', 'app:bin:tool'])
    expect(p.requested.map((u) => u.target?.name)).toEqual(['app', 'app', 'tool'])
  })

  it('a library needs only metadata of its dependencies; a binary needs them linked', async () => {
    const { plan: p } = await plan()
    const [, lib, bin] = p.units
    expect(lib!.deps.map((d) => [d.externName, d.needs])).toEqual([['my_util', 'metadata']])
    expect(bin!.deps.map((d) => [d.externName, d.needs])).toEqual([
      ['app', 'link'],
      ['my_util', 'link']
    ])
  })

  it('builds only the named binary (and what it needs)', async () => {
    const { plan: p } = await plan({ lib: false, bins: ['tool'] })
    expect(p.units.map((u) => u.target?.name)).toEqual(['util', 'app', 'tool'])
    expect(p.requested.map((u) => u.target?.name)).toEqual(['tool'])
  })

  it('explains an unknown binary or missing required features', async () => {
    await expect(plan({ lib: false, bins: ['nope'] })).rejects.toThrow(/No bin target named `nope`.*/)
    await expect(
      plan(
        { lib: false, bins: ['needy'] },
        '[[bin]]\nname = "needy"\npath = "src/main.rs"\nrequired-features = ["gui"]\n[features]\ngui = []\n'
      )
    ).rejects.toThrow('Target `needy` in package `app` requires the features: `gui`.')
  })

  it('gives every unit a distinct hash, and the rustc command line cargo would use', async () => {
    const { root, layout, plan: p } = await plan()
    expect(new Set(p.units.map((u) => u.hash)).size).toBe(4)
    const util = p.units[0]!
    const bin = p.units[2]!
    const inv = rustcInvocation(bin, { layout, cwd: `${root}/app`, baseEnv: {} })
    const utilRmeta = `${layout.deps}/libutil-${util.hash}.rmeta`
    expect(inv.args).toEqual(
      expect.arrayContaining([
        '--crate-name',
        'app',
        '--edition=2021',
        'src/main.rs',
        '--crate-type',
        'bin',
        '--emit=dep-info,link'
      ])
    )
    expect(inv.args.join(' ')).toContain(`--extern my_util=${layout.deps}/libutil-${util.hash}.rlib`)
    expect(inv.args.join(' ')).toContain(`-C metadata=${bin.hash} -C extra-filename=-${bin.hash}`)
    const libInv = rustcInvocation(p.units[1]!, { layout, cwd: `${root}/app`, baseEnv: {} })
    expect(libInv.args).toContain(`my_util=${utilRmeta}`)
    expect(libInv.args).toContain('--emit=dep-info,metadata,link')
    const utilInv = rustcInvocation(util, { layout, cwd: `${root}/app`, baseEnv: {} })
    expect(utilInv.args).toEqual(
      expect.arrayContaining(['--cfg', 'feature="fancy"', '--check-cfg', 'cfg(feature, values("fancy"))'])
    )
    expect(utilInv.args).toContain(`${root}/util/src/lib.rs`)
    const oldRustc = rustcInvocation(util, {
      layout,
      cwd: `${root}/app`,
      baseEnv: {},
      rustc: { release: '1.79.0' }
    })
    expect(oldRustc.args).not.toContain('--check-cfg')
    const plain = rustcInvocation(util, { layout, cwd: `${root}/app`, baseEnv: {}, colourDiagnostics: false })
    expect(plain.args).toContain('--json=artifacts,future-incompat')
    expect(utilInv.args).toContain('--json=diagnostic-rendered-ansi,artifacts,future-incompat')
    expect(inv.env).toMatchObject({
      CARGO_PKG_NAME: 'app',
      CARGO_CRATE_NAME: 'app',
      CARGO_BIN_NAME: 'app',
      CARGO_PRIMARY_PACKAGE: '1'
    })
    expect(utilInv.env.CARGO_PRIMARY_PACKAGE).toBeUndefined()
  })

  it("names a dependency by its library's crate name, or by the key when renamed", async () => {
    const { plan: p } = await plan({ lib: true, bins: 'all' }, '', '[lib]\nname = "util_core"\n')
    // The app renames util to my-util (package = "util"), so code says my_util either way.
    expect(p.units[1]!.deps.map((d) => d.externName)).toEqual(['my_util'])
  })
})
