import { describe, expect, it } from 'vitest'
import { resolveFeatures, type FeatureRequest } from '../../../../src/main/engine/resolver/features'
import { ALL_PLATFORMS, loadPackageGraph } from '../../../../src/main/engine/workspace/package-graph'
import type { EngineError } from '../../../../src/main/engine/errors'
import { tempDir } from '../../../helpers/temp-dir'
import { project } from '../../../helpers/project'

const NONE: FeatureRequest = { features: [], allFeatures: false, noDefaultFeatures: false }

/** app → (lib-a, optional lib-b), lib-a has features; returns enabled features by package name. */
async function resolve(appExtra: string, request: FeatureRequest = NONE) {
  const root = await tempDir()
  await project('lib-a')
    .manifest('lib-a', '[features]\ndefault = ["fast"]\nfast = []\nslow = []\nserde = []\n')
    .file('src/lib.rs', '')
    .build(root)
  await project('lib-b').manifest('lib-b', '[features]\nextra = []\n').file('src/lib.rs', '').build(root)
  await project('app').manifest('app', appExtra).file('src/main.rs', 'fn main() {}').build(root)
  const graph = await loadPackageGraph(`${root}/app/Cargo.toml`, ALL_PLATFORMS)
  const result = resolveFeatures(graph, request)
  const byName = (id: string) => [...graph.nodes.values()].find((n) => n.id === id)!.pkg.manifest.package.name
  return {
    enabled: Object.fromEntries([...result.enabled].map(([id, f]) => [byName(id), f])),
    active: Object.fromEntries(
      [...result.activeDeps].map(([id, edges]) => [byName(id), edges.map((e) => e.dep.name)])
    )
  }
}

const DEPS = '[dependencies]\nlib-a = { path = "../lib-a" }\nlib-b = { path = "../lib-b", optional = true }\n'

describe('feature resolution', () => {
  it("enables a dependency's default features and leaves optional dependencies off", async () => {
    const r = await resolve(DEPS)
    expect(r.enabled).toEqual({ app: [], 'lib-a': ['default', 'fast'] })
    expect(r.active.app).toEqual(['lib-a'])
  })

  it('default-features = false plus explicit features', async () => {
    const r = await resolve(
      '[dependencies]\nlib-a = { path = "../lib-a", default-features = false, features = ["slow"] }\n'
    )
    expect(r.enabled['lib-a']).toEqual(['slow'])
  })

  it('an optional dependency gets an implicit feature that turns it on', async () => {
    const r = await resolve(DEPS, { ...NONE, features: ['lib-b'] })
    expect(r.enabled.app).toEqual(['lib-b'])
    expect(r.active.app).toEqual(['lib-a', 'lib-b'])
  })

  it('dep:x turns on the dependency without an implicit feature; x/f turns on a feature of it', async () => {
    const r = await resolve(`${DEPS}[features]\nbee = ["dep:lib-b", "lib-b/extra", "lib-a/serde"]\n`, {
      ...NONE,
      features: ['bee']
    })
    expect(r.enabled).toEqual({ app: ['bee'], 'lib-a': ['default', 'fast', 'serde'], 'lib-b': ['extra'] })
  })

  it('x?/f only applies once something else enables x', async () => {
    const manifest = `${DEPS}[features]\nweak = ["lib-b?/extra"]\nstrong = ["lib-b"]\n`
    expect((await resolve(manifest, { ...NONE, features: ['weak'] })).active.app).toEqual(['lib-a'])
    const both = await resolve(manifest, { ...NONE, features: ['weak', 'strong'] })
    expect(both.enabled['lib-b']).toEqual(['extra'])
  })

  it('the root default feature, --no-default-features and --all-features', async () => {
    const manifest = `${DEPS}[features]\ndefault = ["one"]\none = []\ntwo = []\n`
    expect((await resolve(manifest)).enabled.app).toEqual(['default', 'one'])
    expect((await resolve(manifest, { ...NONE, noDefaultFeatures: true })).enabled.app).toEqual([])
    expect((await resolve(manifest, { ...NONE, allFeatures: true })).enabled.app).toEqual([
      'default',
      'lib-b',
      'one',
      'two'
    ])
  })

  it('names the package and the available features when one does not exist', async () => {
    await expect(resolve(DEPS, { ...NONE, features: ['nope'] })).rejects.toThrow(
      expect.objectContaining({ message: 'Package `app` does not have the feature `nope`.' }) as EngineError
    )
  })
})
