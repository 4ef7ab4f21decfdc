import { describe, expect, it } from 'vitest'
import { CRATES_IO_INDEX } from '../../../../../src/main/engine/sources/source-id'
import { dep, pathSource, pkg, root } from './registry-dsl'
import { edgesOf, picked, resolveWith } from './resolve-helpers'

const patched = (name: string, version: string) =>
  pkg(`${name}@${version}`, { source: pathSource(`patches/${name}`) })

describe('resolve: [patch]', () => {
  it('uses a patch that matches the requirement, even when the registry has newer versions', async () => {
    const patch = patched('c', '1.0.5')
    const r = await resolveWith(
      [root('app', dep('c ^1'), dep('x ^1'))],
      [pkg('c@1.0.0'), pkg('c@1.3.0'), pkg('x@1.0.0', dep('c ^1'))],
      {
        patches: new Map([['crates-io', [patch]]])
      }
    )
    expect(picked(r)).toEqual(['app@0.1.0', 'c@1.0.5', 'x@1.0.0'])
    expect([...r.packages.values()].find((p) => p.id.name === 'c')!.id.source).toEqual(patch.source)
    expect(edgesOf(r, 'x')).toEqual(['c=c@1.0.5'])
    expect(r.unusedPatches).toEqual([])
  })

  it('takes the place of the registry’s release with the same version', async () => {
    const patch = patched('c', '1.3.0')
    const r = await resolveWith([root('app', dep('c ^1'))], [pkg('c@1.3.0')], {
      patches: new Map([[`registry+${CRATES_IO_INDEX}`, [patch]]])
    })
    const c = [...r.packages.values()].find((p) => p.id.name === 'c')!
    expect(c.id.source.kind).toBe('path')
  })

  it('returns an unused patch and cargo’s warning for it', async () => {
    const r = await resolveWith([root('app', dep('c ^1'))], [pkg('c@1.0.0')], {
      patches: new Map([['crates-io', [patched('c', '2.0.0')]]])
    })
    expect(picked(r)).toContain('c@1.0.0')
    expect(r.unusedPatches.map((id) => id.version)).toEqual(['2.0.0'])
    expect(r.warnings).toEqual([
      'patch `c v2.0.0 (/ws/patches/c)` was not used in the crate graph\n' +
        'help: Check that the patched package version and available features are compatible\n' +
        '      with the dependency requirements. If the patch has a different version from\n' +
        '      what is locked in the Cargo.lock file, run `cargo update` to use the new\n' +
        '      version. This may also occur with an optional dependency that is not enabled.'
    ])
  })
})
