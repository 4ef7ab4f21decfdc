import { describe, expect, it } from 'vitest'
import { layoutFor } from '../../../../src/main/engine/compiler/layout'
import { loadManifestProfiles, resolveProfiles } from '../../../../src/main/engine/compiler/profile'
import { rustcInvocation } from '../../../../src/main/engine/compiler/rustc-args'
import {
  planBuild,
  type BuildPlan,
  type TargetSelection
} from '../../../../src/main/engine/compiler/unit-graph'
import { profileChooser } from '../../../../src/main/engine/compiler/plan/profile-for'
import type { Unit } from '../../../../src/main/engine/compiler/unit'
import { resolveWorkspaceFeatures } from '../../../../src/main/engine/resolver/feature-resolver/resolve-workspace-features'
import { hostTargetData } from '../../../../src/main/engine/resolver/feature-resolver/target-data'
import { resolveWorkspace } from '../../../../src/main/engine/workspace/resolve-workspace'
import { project } from '../../../helpers/project'
import { tempDir } from '../../../helpers/temp-dir'

async function plan(
  selection: TargetSelection = { lib: true, bins: 'all' },
  appManifestExtra = '',
  utilExtra = '',
  profileName = 'dev',
  buildScript = false
) {
  const root = await tempDir()
  await project('util')
    .manifest('util', `[features]\nfancy = []\n${utilExtra}`)
    .file('src/lib.rs', '')
    .build(root)
  const app = project('app')
    .manifest(
      'app',
      `[dependencies]\nmy-util = { path = "../util", package = "util", features = ["fancy"] }\n${appManifestExtra}`
    )
    .file('src/lib.rs', '')
    .file('src/main.rs', 'fn main() {}')
    .file('src/bin/tool.rs', 'fn main() {}')
  await (buildScript ? app.file('build.rs', 'fn main() {}\n') : app).build(root)
  const ws = await resolveWorkspace({
    manifestPath: `${root}/app/Cargo.toml`,
    env: {},
    homeDir: root,
    cacheDir: `${root}/cache`,
    offline: true
  })
  const targetData = hostTargetData({ host: 'x86_64-unknown-linux-gnu', cfg: new Map([['unix', []]]) })
  const features = resolveWorkspaceFeatures(ws, { hasDevUnits: false, targetData })
  const manifestPath = `${root}/app/Cargo.toml`
  const manifestProfiles = (await loadManifestProfiles(manifestPath)).profiles
  const planFor = (name: string) => {
    const profiles = resolveProfiles({ manifestProfiles, manifestPath, requested: name })
    const layout = layoutFor(`${root}/app/target`, profiles.base(name))
    return planBuild({
      ws,
      features,
      targetData,
      profileFor: profileChooser(profiles, name),
      layout,
      selection,
      rustcVersion: 'rustc 1.95.0'
    })
  }
  const plan = planFor(profileName)
  const layout = layoutFor(`${root}/app/target`, plan.units[0]!.profile)
  return { root, layout, plan, planFor }
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

/** `name:kind` of a unit, `(host)` for units only the build uses. */
function label(u: Unit): string {
  const kind =
    u.kind === 'custom-build' || u.kind === 'run-custom-build' ? u.kind : (u.test ? 'test ' : '') + u.kind
  return `${u.node.pkg.manifest.package.name}:${kind}${u.forHost ? ' (host)' : ''}`
}

function unitsOf(p: BuildPlan, name: string): Unit[] {
  return p.units.filter((u) => u.node.pkg.manifest.package.name === name && u.mode === 'compile')
}

// The same features as the normal dependency: resolver 2 would otherwise keep the two apart.
const BUILD_DEP = '[build-dependencies]\nutil = { path = "../util", features = ["fancy"] }\n'

describe('profiles, settled as cargo settles them', () => {
  it('every unit uses the requested profile; harnesses and what they link unwind', async () => {
    const { plan: p } = await plan(
      { lib: false, bins: ['app'], libTest: true },
      '[profile.test]\npanic = "abort"\n',
      '',
      'test'
    )
    expect(new Set(p.units.map((u) => u.profile.name))).toEqual(new Set(['test']))
    const panics = p.units.map((u) => `${label(u)} ${u.profile.panic}`).sort()
    expect(panics).toEqual([
      'app:bin abort',
      'app:lib abort',
      'app:test lib unwind',
      'util:lib abort',
      'util:lib unwind'
    ])
  })

  it('a dependency used by the build script and the program is one unit when the settings agree (dev)', async () => {
    const { plan: p } = await plan({ lib: true, bins: ['app'] }, BUILD_DEP, '', 'dev', true)
    expect(p.units.map(label)).toEqual([
      'util:lib',
      'app:custom-build (host)',
      'app:run-custom-build',
      'app:lib',
      'app:bin'
    ])
    const [util] = unitsOf(p, 'util')
    expect(util!.profile).toMatchObject({ debug: 'full', debuginfoDeferred: false, strip: 'none' })
    // The build script keeps no debuginfo nobody asked for; its strip was settled before that.
    const script = p.units.find((u) => u.kind === 'custom-build')!
    expect(script.profile).toMatchObject({ debug: 'none', strip: 'none', panic: 'unwind' })
    expect(script.deps.map((d) => d.unit)).toEqual([util])
  })

  it('is two units when they differ (release), the host one fast and without debuginfo', async () => {
    const { plan: p } = await plan(
      { lib: true, bins: ['app'] },
      `${BUILD_DEP}[profile.release]\ndebug = 1\n`,
      '',
      'release',
      true
    )
    const utils = unitsOf(p, 'util')
    expect(utils.map((u) => `${label(u)} ${u.profile.optLevel} ${u.profile.debug}`)).toEqual([
      'util:lib 3 limited',
      'util:lib (host) 0 none'
    ])
    expect(new Set(p.units.map((u) => u.hash)).size).toBe(p.units.length)
  })

  it('strips debuginfo by default only when neither the unit nor a direct dependency has any', async () => {
    const stripOf = (p: BuildPlan, name: string) => unitsOf(p, name).map((u) => u.profile.strip)
    const plain = (await plan({ lib: true, bins: ['app'] }, '', '', 'release')).plan
    expect([...stripOf(plain, 'util'), ...stripOf(plain, 'app')]).toEqual([
      'debuginfo',
      'debuginfo',
      'debuginfo'
    ])
    const withDebugDep = (
      await plan({ lib: true, bins: ['app'] }, '[profile.release.package.util]\ndebug = 1\n', '', 'release')
    ).plan
    expect(stripOf(withDebugDep, 'util')).toEqual(['none'])
    // The library links util: no strip. The binary's direct dependencies are the library and util.
    expect(stripOf(withDebugDep, 'app')).toEqual(['none', 'none'])
  })

  it('decides LTO over the graph: binaries run it, libraries keep bitcode, host units only objects', async () => {
    const { plan: p } = await plan(
      { lib: false, bins: ['app'] },
      `${BUILD_DEP}[profile.release]\nlto = true\n`,
      '',
      'release',
      true
    )
    const lto = p.units.filter((u) => u.mode === 'compile').map((u) => `${label(u)} ${p.lto.get(u)?.type}`)
    expect(lto).toEqual([
      'util:lib only-bitcode',
      'util:lib (host) only-object',
      'app:custom-build (host) only-object',
      'app:lib only-bitcode',
      'app:bin run'
    ])
  })

  it('keeps hashes when nothing about the settings changed, and changes them when something did', async () => {
    const { plan: p, planFor } = await plan({ lib: true, bins: 'all' }, '[profile.bench]\nopt-level = 2\n')
    const hashes = (q: BuildPlan) => q.units.map((u) => u.hash)
    const dev = hashes(p)
    expect(hashes(planFor('dev'))).toEqual(dev)
    // `test` has dev's settings: what one built, the other reuses.
    expect(hashes(planFor('test'))).toEqual(dev)
    expect(hashes(planFor('release')).filter((h) => dev.includes(h))).toEqual([])
    expect(hashes(planFor('bench')).filter((h) => hashes(planFor('release')).includes(h))).toEqual([])
  })
})
