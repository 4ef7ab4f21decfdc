import { describe, expect, it } from 'vitest'
import { dep, pkg, root } from './registry-dsl'
import { edgesOf, picked, resolveWith } from './resolve-helpers'

describe('resolve: choosing versions', () => {
  it('picks the newest version matching each requirement', async () => {
    const r = await resolveWith(
      [root('app', dep('a ^1.1'), dep('b ~0.2.1'))],
      [
        pkg('a@1.0.0'),
        pkg('a@1.1.0'),
        pkg('a@1.4.2'),
        pkg('a@2.0.0'),
        pkg('b@0.2.0'),
        pkg('b@0.2.5'),
        pkg('b@0.3.0')
      ]
    )
    expect(picked(r)).toEqual(['a@1.4.2', 'app@0.1.0', 'b@0.2.5'])
  })

  it('keeps one version per semver-compatible bucket and several across buckets', async () => {
    const r = await resolveWith(
      [root('app', dep('x ^1'), dep('y ^1'), dep('z ^0.1'), dep('w ^0.2'), dep('q =0.0.1'), dep('q =0.0.2'))],
      [
        pkg('x@1.0.0', dep('c ^1.0')),
        pkg('y@1.0.0', dep('c ^2')),
        pkg('c@1.5.0'),
        pkg('c@1.6.0'),
        pkg('c@2.0.0'),
        pkg('z@0.1.0', dep('d ^0.1')),
        pkg('w@0.2.0', dep('d ^0.2')),
        pkg('d@0.1.9'),
        pkg('d@0.2.1'),
        pkg('q@0.0.1'),
        pkg('q@0.0.2')
      ]
    )
    expect(picked(r)).toEqual([
      'app@0.1.0',
      'c@1.6.0',
      'c@2.0.0',
      'd@0.1.9',
      'd@0.2.1',
      'q@0.0.1',
      'q@0.0.2',
      'w@0.2.0',
      'x@1.0.0',
      'y@1.0.0',
      'z@0.1.0'
    ])
  })

  it('unifies two requirements of one bucket on the newest version both accept', async () => {
    const r = await resolveWith(
      [root('app', dep('x ^1'), dep('c ^1.2'))],
      [pkg('x@1.0.0', dep('c >=1.0, <1.4')), pkg('c@1.1.0'), pkg('c@1.3.0'), pkg('c@1.5.0')]
    )
    expect(picked(r)).toContain('c@1.3.0')
    expect(picked(r).filter((p) => p.startsWith('c@'))).toHaveLength(1)
  })

  it('skips pre-releases unless the requirement names one', async () => {
    const registry = [pkg('a@1.0.0'), pkg('a@1.1.0-beta.1')]
    expect(picked(await resolveWith([root('app', dep('a ^1'))], registry))).toContain('a@1.0.0')
    expect(picked(await resolveWith([root('app', dep('a ^1.1.0-beta'))], registry))).toContain(
      'a@1.1.0-beta.1'
    )
  })

  it('skips yanked versions', async () => {
    const r = await resolveWith(
      [root('app', dep('a ^1'))],
      [pkg('a@1.0.0'), pkg('a@1.2.0', { yanked: true })]
    )
    expect(picked(r)).toContain('a@1.0.0')
  })

  it('resolves dev-dependencies of members only', async () => {
    const r = await resolveWith(
      [root('app', dep('a ^1'), dep('t ^1', { kind: 'dev' }))],
      [pkg('a@1.0.0', dep('only-for-a-tests ^1', { kind: 'dev' })), pkg('t@1.0.0')]
    )
    expect(picked(r)).toEqual(['a@1.0.0', 'app@0.1.0', 't@1.0.0'])
  })

  it('resolves every platform’s dependencies', async () => {
    const r = await resolveWith(
      [
        root(
          'app',
          dep('win ^1', { target: 'cfg(windows)' }),
          dep('mac ^1', { target: 'x86_64-apple-darwin' })
        )
      ],
      [pkg('win@1.0.0'), pkg('mac@1.0.0')]
    )
    expect(picked(r)).toEqual(['app@0.1.0', 'mac@1.0.0', 'win@1.0.0'])
    const app = [...r.packages.values()].find((p) => p.id.name === 'app')!
    expect(app.deps.find((d) => d.name === 'win')!.kinds).toEqual([
      { kind: 'normal', target: 'cfg(windows)' }
    ])
  })

  it('merges one package depended on under several kinds into one edge', async () => {
    const r = await resolveWith(
      [root('app', dep('cc ^1'), dep('cc ^1.0', { kind: 'build' }), dep('cc ^1', { kind: 'dev' }))],
      [pkg('cc@1.0.0'), pkg('cc@1.2.0')]
    )
    const app = [...r.packages.values()].find((p) => p.id.name === 'app')!
    expect(app.deps).toHaveLength(1)
    expect(app.deps[0]!.kinds.map((k) => k.kind)).toEqual(['normal', 'dev', 'build'])
    expect(picked(r)).toContain('cc@1.2.0')
  })

  it('keeps renamed dependencies under their new names, even for the same package twice', async () => {
    const r = await resolveWith(
      [root('app', dep('old ^1', { package: 'lib' }), dep('new ^2', { package: 'lib' }), dep('lib ^2'))],
      [pkg('lib@1.0.0'), pkg('lib@2.0.0')]
    )
    expect(edgesOf(r, 'app')).toEqual(['lib=lib@2.0.0', 'new=lib@2.0.0', 'old=lib@1.0.0'])
  })

  it('unifies a build-dependency and a normal dependency on one version when compatible', async () => {
    const r = await resolveWith(
      [root('app', dep('a ^1'), dep('b ^1'))],
      [
        pkg('a@1.0.0', dep('s ^1.1')),
        pkg('b@1.0.0', dep('s ^1', { kind: 'build' })),
        pkg('s@1.1.0'),
        pkg('s@1.4.0')
      ]
    )
    expect(picked(r).filter((p) => p.startsWith('s@'))).toEqual(['s@1.4.0'])
  })

  it('reports the roots in the order given and resolves path dependencies between them', async () => {
    const lib = root('lib', dep('a ^1'))
    const app = root('app', dep('lib', { source: lib.source }))
    const r = await resolveWith([app, lib], [pkg('a@1.0.0')])
    expect(r.roots.map((k) => k.split(' ')[0])).toEqual(['app', 'lib'])
    expect(edgesOf(r, 'app')).toEqual(['lib=lib@0.1.0'])
  })
})
