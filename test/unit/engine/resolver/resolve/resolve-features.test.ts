import { describe, expect, it } from 'vitest'
import { dep, pkg, root } from './registry-dsl'
import { picked, resolveWith } from './resolve-helpers'

describe('resolve: optional dependencies and features', () => {
  it('gives members every feature, so all their optional dependencies are resolved', async () => {
    const r = await resolveWith(
      [
        root('app', dep('opt ^1', { optional: true }), dep('hidden ^1', { optional: true }), {
          features: { full: ['dep:hidden'] }
        })
      ],
      [pkg('opt@1.0.0'), pkg('hidden@1.0.0')]
    )
    expect(picked(r)).toEqual(['app@0.1.0', 'hidden@1.0.0', 'opt@1.0.0'])
  })

  it('resolves a dependency’s optional dependency only when a requested feature enables it', async () => {
    const lib = pkg(
      'lib@1.0.0',
      dep('used ^1', { optional: true }),
      dep('unused ^1', { optional: true }),
      dep('by-default ^1', { optional: true }),
      { features: { fast: ['dep:used'], default: ['by-default'], other: ['unused'] } }
    )
    const registry = [lib, pkg('used@1.0.0'), pkg('unused@1.0.0'), pkg('by-default@1.0.0')]
    expect(picked(await resolveWith([root('app', dep('lib ^1', { features: ['fast'] }))], registry))).toEqual(
      ['app@0.1.0', 'by-default@1.0.0', 'lib@1.0.0', 'used@1.0.0']
    )
    expect(
      picked(await resolveWith([root('app', dep('lib ^1', { defaultFeatures: false }))], registry))
    ).toEqual(['app@0.1.0', 'lib@1.0.0'])
  })

  it('activates the optional dependency of a weak `x?/f` feature, as cargo’s lock resolution does', async () => {
    const lib = pkg('lib@1.0.0', dep('w ^1', { optional: true }), { features: { std: ['w?/std'] } })
    const r = await resolveWith(
      [root('app', dep('lib ^1', { features: ['std'] }))],
      [lib, pkg('w@1.0.0', { features: { std: [] } })]
    )
    expect(picked(r)).toContain('w@1.0.0')
  })

  it('unifies features from several dependents, re-activating a package for new ones', async () => {
    const lib = pkg('lib@1.0.0', dep('x ^1', { optional: true }), dep('y ^1', { optional: true }))
    const r = await resolveWith(
      [root('app', dep('a ^1'), dep('b ^1'))],
      [
        pkg('a@1.0.0', dep('lib ^1', { features: ['x'] })),
        pkg('b@1.0.0', dep('lib ^1', { features: ['y'] })),
        lib,
        pkg('x@1.0.0'),
        pkg('y@1.0.0')
      ]
    )
    expect(picked(r)).toEqual(['a@1.0.0', 'app@0.1.0', 'b@1.0.0', 'lib@1.0.0', 'x@1.0.0', 'y@1.0.0'])
  })

  it('falls back to an older version that has a requested feature', async () => {
    const r = await resolveWith(
      [root('app', dep('f ^1', { features: ['old'] }))],
      [pkg('f@1.0.0', { features: { old: [] } }), pkg('f@1.1.0')]
    )
    expect(picked(r)).toContain('f@1.0.0')
  })
})
