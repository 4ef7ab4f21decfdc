import { describe, expect, it } from 'vitest'
import type { LockedPackage, Resolve } from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO } from '../../../../../src/main/engine/sources/source-id'
import { dep, pathSource, pkg, root } from './registry-dsl'
import { errorOf, picked, resolveWith } from './resolve-helpers'

/** The resolve as a previous Cargo.lock would list it. */
function lockOf(r: Resolve): LockedPackage[] {
  return [...r.packages.values()].map((p) => ({
    id: p.id,
    dependencies: p.deps.map((d) => {
      const t = r.packages.get(d.pkg)!.id
      return `${t.name} ${t.version}`
    })
  }))
}

const app = root('app', dep('a ^1'), dep('c ^1'))
const before = [pkg('a@1.0.0', dep('s ^1')), pkg('s@1.0.0'), pkg('c@1.0.0')]
const after = [...before, pkg('a@1.1.0', dep('s ^1.1')), pkg('s@1.1.0'), pkg('s@1.2.0'), pkg('c@1.1.0')]

describe('resolve: an existing Cargo.lock', () => {
  it('keeps locked versions though newer ones appeared', async () => {
    const locked = lockOf(await resolveWith([app], before))
    expect(picked(await resolveWith([app], after, { locked }))).toEqual([
      'a@1.0.0',
      'app@0.1.0',
      'c@1.0.0',
      's@1.0.0'
    ])
  })

  it('updates the unlocked package and, where it must, its dependencies (update -p)', async () => {
    const locked = lockOf(await resolveWith([app], before))
    const r = await resolveWith([app], after, { locked, unlock: (id) => id.name === 'a' })
    expect(picked(r)).toEqual(['a@1.1.0', 'app@0.1.0', 'c@1.0.0', 's@1.2.0'])
  })

  it('pins to a version given as `--precise` through the locked list', async () => {
    const locked = lockOf(await resolveWith([app], before)).map((p) =>
      p.id.name === 'c' ? { ...p, id: { ...p.id, version: '1.1.0' } } : p
    )
    expect(picked(await resolveWith([app], after, { locked }))).toContain('c@1.1.0')
  })

  it('re-resolves a dependency whose requirement no longer matches the lock', async () => {
    const locked = lockOf(await resolveWith([app], before))
    const edited = root('app', dep('a ^1'), dep('c ^1.1'))
    expect(picked(await resolveWith([edited], after, { locked }))).toEqual([
      'a@1.0.0',
      'app@0.1.0',
      'c@1.1.0',
      's@1.0.0'
    ])
  })

  it('keeps a locked version that was yanked since, but does not pick a yanked one anew', async () => {
    const locked = lockOf(await resolveWith([app], before))
    const yanked = [
      pkg('a@1.0.0', dep('s ^1'), { yanked: true }),
      pkg('s@1.0.0'),
      pkg('c@1.0.0'),
      pkg('c@1.1.0', { yanked: true })
    ]
    expect(picked(await resolveWith([app], yanked, { locked }))).toContain('a@1.0.0')
    const fresh = await resolveWith([root('app', dep('c ^1'))], yanked)
    expect(picked(fresh)).toContain('c@1.0.0')
  })

  it('refuses a locked package whose checksum changed, as cargo does', async () => {
    const locked = lockOf(await resolveWith([app], before)).map((p) =>
      p.id.name === 'c' ? { ...p, checksum: 'an-older-checksum' } : p
    )
    const e = await errorOf(resolveWith([app], before, { locked }))
    expect(e.message).toMatch(/^checksum for `c v1\.0\.0` changed between lock files\n/)
  })

  it('releases a path package’s lock when its version changed', async () => {
    const lib = root('lib')
    const locked: LockedPackage[] = [
      { id: { name: 'app', version: '0.1.0', source: pathSource('app') }, dependencies: ['lib'] },
      { id: { name: 'lib', version: '0.0.9', source: pathSource('lib') }, dependencies: [] },
      { id: { name: 'c', version: '1.0.0', source: CRATES_IO }, dependencies: [] }
    ]
    const r = await resolveWith(
      [root('app', dep('lib', { source: lib.source }), dep('c ^1'))],
      [lib, pkg('c@1.0.0'), pkg('c@1.1.0')],
      { locked }
    )
    expect(picked(r)).toEqual(['app@0.1.0', 'c@1.0.0', 'lib@0.1.0'])
  })
})
