import { describe, expect, it } from 'vitest'
import { indexGraph } from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import { at } from './helpers'
import { edge, member, pkg, smallWorkspace } from './fixtures'

describe('indexGraph', () => {
  it('groups each package’s dependencies by kind (normal, build, dev) in cargo’s order', () => {
    const index = indexGraph(smallWorkspace())
    const app = at(index, 'app')
    const groups = index.dependencies[app]!.map((g) => [
      g.kind,
      g.links.map((l) => index.packages[l.pkg]!.name)
    ])
    expect(groups).toEqual([
      ['normal', ['app-macros', 'log', 'old-crate', 'rand', 'serde']],
      ['build', ['cc']],
      ['dev', ['tempfile']]
    ])
  })

  it('lists dependents the same way, and every incoming edge for the details', () => {
    const index = indexGraph(smallWorkspace())
    const cfgIf = at(index, 'cfg-if', '1.0.0')
    expect(index.dependents[cfgIf]!.flatMap((g) => g.links.map((l) => index.packages[l.pkg]!.name))).toEqual([
      'getrandom',
      'tempfile'
    ])
    expect(index.incoming[cfgIf]).toHaveLength(2)
  })

  it('keeps one link per package and kind, however many declarations (two [target] tables)', () => {
    const index = indexGraph({
      packages: [member('a'), pkg('libc', '0.2.0')],
      edges: [
        edge('a 0.1.0', 'libc 0.2.0', { target: 'cfg(unix)' }),
        edge('a 0.1.0', 'libc 0.2.0', { target: 'cfg(windows)' }),
        edge('a 0.1.0', 'libc 0.2.0', { kind: 'build' })
      ],
      roots: ['a 0.1.0']
    })
    expect(index.dependencies[0]!.map((g) => [g.kind, g.links.length])).toEqual([
      ['normal', 1],
      ['build', 1]
    ])
    expect(index.incoming[1]).toHaveLength(3)
  })

  it('sorts the roots, knows what they reach, and reports ids that name no package', () => {
    const index = indexGraph({
      packages: [member('zeta'), member('alpha'), pkg('lonely', '1.0.0'), pkg('dep', '1.0.0')],
      edges: [edge('zeta 0.1.0', 'dep 1.0.0'), edge('alpha 0.1.0', 'ghost 1.0.0')],
      roots: ['zeta 0.1.0', 'alpha 0.1.0', 'missing 0.1.0']
    })
    expect(index.roots.map((r) => index.packages[r]!.name)).toEqual(['alpha', 'zeta'])
    expect([...index.reachable].map((r) => index.packages[r]!.name).sort()).toEqual(['alpha', 'dep', 'zeta'])
    expect([...index.unknownIds].sort()).toEqual(['ghost 1.0.0', 'missing 0.1.0'])
  })
})
