import { describe, expect, it } from 'vitest'
import {
  duplicateRoots,
  findDuplicates
} from '../../../../src/renderer/src/features/dependency-tree/model/duplicates'
import { indexGraph } from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import { pathsFromRoots } from '../../../../src/renderer/src/features/dependency-tree/model/paths'
import {
  featureClosure,
  featureOrigins,
  requestedFeatures,
  requirementsOf
} from '../../../../src/renderer/src/features/dependency-tree/model/requirements'
import { edge, member, pkg, smallWorkspace } from './fixtures'
import { at } from './helpers'

describe('who requires a package, and why its features are on', () => {
  const index = indexGraph(smallWorkspace())

  it('lists each dependent’s requirement, kind, rename and platform, dependents in cargo’s order', () => {
    const libc = requirementsOf(index, at(index, 'libc'))
    expect(libc.map((r) => [index.packages[r.from]!.id, r.req, r.kind, r.target, r.defaultFeatures])).toEqual(
      [
        ['getrandom 0.2.15', '^0.2.154', 'normal', 'cfg(unix)', false],
        ['rand 0.8.5', '^0.2.22', 'normal', 'cfg(unix)', false]
      ]
    )
    const log = requirementsOf(index, at(index, 'log'))
    expect(log).toMatchObject([{ rename: 'mylog', req: '^0.4', features: [] }])
    expect(requestedFeatures(log[0]!)).toEqual(['default'])
  })

  it('follows a package’s own [features] table (default → std), leaving dep: and x/y entries alone', () => {
    const serde = index.packages[at(index, 'serde')]!
    expect([...featureClosure(serde, ['default', 'derive'])].sort()).toEqual([
      'default',
      'derive',
      'serde_derive',
      'std'
    ])
    expect([...featureClosure(pkg('x', '1.0.0', { declaredFeatures: { std: [] } }), ['default'])]).toEqual([])
    expect([...featureClosure(pkg('x', '1.0.0'), ['default'])]).toEqual(['default'])
  })

  it('tells which dependent turned each enabled feature on', () => {
    const origins = featureOrigins(index, at(index, 'serde'))
    expect(origins.map((o) => [o.feature, o.from.map((f) => index.packages[f]!.name)])).toEqual([
      ['default', ['app']],
      ['derive', ['app']],
      ['serde_derive', ['app']],
      ['std', ['app']]
    ])
    // proc-macro2 has no known table: `default` comes from those keeping default features,
    // `proc-macro` (enabled through `default` in reality) from no dependent that can be named.
    const pm2 = featureOrigins(index, at(index, 'proc-macro2'))
    const names = (feature: string) =>
      pm2.find((o) => o.feature === feature)?.from.map((f) => index.packages[f]!.name)
    expect(names('default')).toEqual(['app-macros', 'serde_derive'])
    expect(names('proc-macro')).toEqual([])
  })
})

describe('duplicates (cargo tree -d)', () => {
  it('groups reachable packages by name when there is more than one copy, oldest first', () => {
    const index = indexGraph(smallWorkspace())
    const groups = findDuplicates(index)
    expect(groups.map((g) => [g.name, g.versions.map((v) => index.packages[v]!.version)])).toEqual([
      ['cfg-if', ['0.1.10', '1.0.0']],
      ['getrandom', ['0.1.16', '0.2.15']],
      ['rand', ['0.7.3', '0.8.5']],
      ['rand_core', ['0.5.1', '0.6.4']]
    ])
    expect(requirementsOf(index, groups[0]!.versions[1]!).map((r) => index.packages[r.from]!.name)).toEqual([
      'getrandom',
      'tempfile'
    ])
    expect(duplicateRoots(groups)).toHaveLength(8)
  })

  it('ignores copies nothing reaches, and counts the same version from another source', () => {
    const index = indexGraph({
      packages: [
        member('app'),
        pkg('a', '1.0.0'),
        pkg('a', '1.0.0', { id: 'a 1.0.0 git', source: { kind: 'git', url: 'https://x/a', commit: 'f00' } }),
        pkg('b', '1.0.0'),
        pkg('b', '2.0.0')
      ],
      edges: [edge('app 0.1.0', 'a 1.0.0'), edge('app 0.1.0', 'a 1.0.0 git'), edge('app 0.1.0', 'b 1.0.0')],
      roots: ['app 0.1.0']
    })
    expect(
      findDuplicates(index).map((g) => [g.name, g.versions.map((v) => index.packages[v]!.source.kind)])
    ).toEqual([['a', ['registry', 'git']]])
  })
})

describe('duplicates of one version (cargo’s host and target nodes)', () => {
  const graph = (hostFeatures: readonly string[]) =>
    indexGraph({
      packages: [
        member('app'),
        pkg('syn', '2.0.0', { features: ['full'] }),
        pkg('syn', '2.0.0', { id: 'syn 2.0.0 host', features: hostFeatures }),
        pkg('derive', '1.0.0', { procMacro: true })
      ],
      edges: [
        edge('app 0.1.0', 'syn 2.0.0'),
        edge('app 0.1.0', 'derive 1.0.0'),
        edge('derive 1.0.0', 'syn 2.0.0 host')
      ],
      roots: ['app 0.1.0']
    })

  it('is no duplicate when both nodes have the same features', () => {
    expect(findDuplicates(graph(['full']))).toEqual([])
  })

  it('is a duplicate when the features differ, as cargo tree -d reports it', () => {
    const index = graph(['derive', 'full'])
    expect(
      findDuplicates(index).map((g) => g.versions.map((v) => index.packages[v]!.features.join('+')))
    ).toEqual([['derive+full', 'full']])
  })
})

describe('paths from the roots', () => {
  it('lists every chain from a root to the package, shortest first, with the kind of each step', () => {
    const index = indexGraph(smallWorkspace())
    const result = pathsFromRoots(index, at(index, 'cfg-if', '1.0.0'))
    expect(result.complete).toBe(true)
    expect(result.paths.map((p) => p.pkgs.map((i) => index.packages[i]!.name).join(' > '))).toEqual([
      'app > tempfile > cfg-if',
      'app > rand > rand_core > getrandom > cfg-if'
    ])
    expect(result.paths[0]!.kinds).toEqual(['dev', 'normal'])
  })

  it('stops at the limit and says the list is cut short; a root is its own path', () => {
    const index = indexGraph(smallWorkspace())
    const cut = pathsFromRoots(index, at(index, 'proc-macro2'), 2)
    expect(cut.paths).toHaveLength(2)
    expect(cut.complete).toBe(false)
    expect(pathsFromRoots(index, at(index, 'app')).paths.map((p) => p.pkgs)).toEqual([[at(index, 'app')]])
  })

  it('walks around cycles', () => {
    const index = indexGraph({
      packages: [member('app'), pkg('t', '1.0.0')],
      edges: [edge('app 0.1.0', 't 1.0.0', { kind: 'dev' }), edge('t 1.0.0', 'app 0.1.0')],
      roots: ['app 0.1.0']
    })
    expect(pathsFromRoots(index, 1).paths.map((p) => p.pkgs)).toEqual([[0, 1]])
  })
})
