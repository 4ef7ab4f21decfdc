import { describe, expect, it } from 'vitest'
import type { Summary } from '../../../../../src/main/engine/sources/summary'
import { dep, pkg, root } from './registry-dsl'
import { errorOf, picked, resolveWith } from './resolve-helpers'

/** A chain p0 → p1 → … with several versions each. */
function chain(length: number): Summary[] {
  const out: Summary[] = []
  for (let i = 0; i < length; i++)
    for (const v of ['1.0.0', '1.1.0'])
      out.push(pkg(`p${i}@${v}`, ...(i + 1 < length ? [dep(`p${i + 1} ^1`)] : [])))
  return out
}

describe('resolve: rust-version, progress and cancel', () => {
  const registry = [
    pkg('c@1.0.0', { rustVersion: '1.60' }),
    pkg('c@1.1.0', { rustVersion: '1.90' }),
    pkg('c@1.2.0', { rustVersion: '1.99' })
  ]

  it('ignores rust-version with resolver 2 (cargo’s default `allow`)', async () => {
    const r = await resolveWith([root('app', dep('c ^1'))], registry, {
      resolverVersion: '2',
      rustcVersion: '1.95.0'
    })
    expect(picked(r)).toContain('c@1.2.0')
  })

  it('prefers versions the toolchain supports with resolver 3 (`fallback`)', async () => {
    const r = await resolveWith([root('app', dep('c ^1'))], registry, {
      resolverVersion: '3',
      rustcVersion: '1.95.0'
    })
    expect(picked(r)).toContain('c@1.1.0')
  })

  it('measures against the members’ rust-version when they declare one', async () => {
    const member = root('app', dep('c ^1'), { rustVersion: '1.70' })
    const r = await resolveWith([member], registry, { resolverVersion: '3', rustcVersion: '1.95.0' })
    expect(picked(r)).toContain('c@1.0.0')
  })

  it('still uses an incompatible version when nothing else matches (fallback, not deny)', async () => {
    const r = await resolveWith([root('app', dep('c ^1.2'))], registry, {
      incompatibleRustVersions: 'fallback',
      rustcVersion: '1.95.0'
    })
    expect(picked(r)).toContain('c@1.2.0')
  })

  it('reports how many packages it has queried', async () => {
    const seen: number[] = []
    await resolveWith([root('app', dep('p0 ^1'))], chain(5), { onProgress: (p) => seen.push(p.queried) })
    expect(seen).toEqual([1, 2, 3, 4, 5])
  })

  it('stops with a cancelled error when the signal fires', async () => {
    const controller = new AbortController()
    const e = await errorOf(
      resolveWith([root('app', dep('p0 ^1'))], chain(30), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.queried === 3) controller.abort()
        }
      })
    )
    expect(e.code).toBe('cancelled')
  })
})
