import { describe, expect, it } from 'vitest'
import { CRATES_IO } from '../../../../src/main/engine/sources/source-id'
import { displayNode, parsePattern } from '../../../../src/main/engine/tree/format-pattern'
import { TreeGraph, type PackageInfo } from '../../../../src/main/engine/tree/graph'
import { treeGraphData } from '../../../../src/main/engine/tree/graph-data'
import { parsePackageIdSpec, querySpec, specMatches } from '../../../../src/main/engine/tree/package-id-spec'
import { printTree, type PrintOptions } from '../../../../src/main/engine/tree/print-tree'
import { parseEdgeKinds } from '../../../../src/main/engine/tree/tree-options'

const serde = { name: 'serde', version: '1.0.152', source: CRATES_IO }
const pre = { name: 'serde', version: '2.0.0-rc.1', source: CRATES_IO }
const local = { name: 'app', version: '0.1.0', source: { kind: 'path', path: '/ws/app' } } as const

describe('package ID specifications', () => {
  it('matches names, partial versions and full specs', () => {
    expect(specMatches(parsePackageIdSpec('serde'), serde)).toBe(true)
    expect(specMatches(parsePackageIdSpec('serde@1'), serde)).toBe(true)
    expect(specMatches(parsePackageIdSpec('serde@1.0.152'), serde)).toBe(true)
    expect(specMatches(parsePackageIdSpec('serde@1.1'), serde)).toBe(false)
    expect(specMatches(parsePackageIdSpec('serde@2'), pre)).toBe(false)
    expect(specMatches(parsePackageIdSpec('serde@2.0.0-rc.1'), pre)).toBe(true)
    expect(
      specMatches(
        parsePackageIdSpec('registry+https://github.com/rust-lang/crates.io-index#serde@1.0.152'),
        serde
      )
    ).toBe(true)
    expect(specMatches(parsePackageIdSpec('path+file:///ws/app#0.1.0'), local)).toBe(true)
    expect(specMatches(parsePackageIdSpec('path+file:///ws/other#app@0.1.0'), local)).toBe(false)
    expect(specMatches(parsePackageIdSpec('https://github.com/rust-lang/crates.io-index#serde'), serde)).toBe(
      true
    )
  })

  it('reports specs that match nothing or too much', () => {
    const candidates = [{ id: serde }, { id: pre }, { id: local }]
    expect(querySpec(parsePackageIdSpec('app'), candidates).id).toBe(local)
    expect(() => querySpec(parsePackageIdSpec('nope'), candidates)).toThrow(
      'package ID specification `nope` did not match any packages'
    )
    expect(() => querySpec(parsePackageIdSpec('serde@2.0.0-rc.1'), candidates)).not.toThrow()
    expect(() =>
      querySpec(parsePackageIdSpec('serde'), [{ id: serde }, { id: { ...serde, version: '1.0.1' } }])
    ).toThrow(/multiple `serde` packages[\s\S]*serde@1.0.152\n {2}serde@1.0.1/)
    expect(() => parsePackageIdSpec('not a name')).toThrow('invalid package ID specification')
  })
})

describe('edge kinds', () => {
  it('reads -e as cargo does', () => {
    const kinds = (v: string[]) => [...parseEdgeKinds(v).kinds].sort()
    expect(kinds([])).toEqual(['build', 'dev', 'normal'])
    expect(kinds(['features'])).toEqual(['build', 'dev', 'feature', 'normal'])
    expect(kinds(['normal,features'])).toEqual(['feature', 'normal'])
    expect(kinds(['no-dev'])).toEqual(['build', 'normal'])
    expect(kinds(['all'])).toEqual(['build', 'dev', 'feature', 'normal'])
    expect(parseEdgeKinds(['no-proc-macro']).noProcMacro).toBe(true)
    expect(() => parseEdgeKinds(['no-dev,normal'])).toThrow('cannot be mixed')
    expect(() => parseEdgeKinds(['bogus'])).toThrow('unknown edge kind `bogus`')
  })
})

function sampleGraph(): { graph: TreeGraph; root: number } {
  const info = new Map<string, PackageInfo>([
    ['app', { procMacro: false, license: 'MIT' }],
    ['serde', { procMacro: false, libName: 'serde' }],
    ['derive', { procMacro: true }]
  ])
  const graph = new TreeGraph(info)
  const host = { type: 'host' } as const
  const root = graph.add({ type: 'package', pkg: 'app', id: local, features: ['default'], kind: host })
  const s = graph.add({ type: 'package', pkg: 'serde', id: serde, features: ['std'], kind: host })
  const d = graph.add({
    type: 'package',
    pkg: 'derive',
    id: { name: 'derive', version: '1.0.0', source: CRATES_IO },
    features: [],
    kind: host
  })
  graph.addEdge(root, { kind: 'normal', node: s })
  graph.addEdge(root, { kind: 'build', node: d })
  graph.addEdge(root, { kind: 'dev', node: s })
  graph.addEdge(s, { kind: 'normal', node: d })
  return { graph, root }
}

const OPTIONS: PrintOptions = {
  pattern: parsePattern('{p}'),
  prefix: 'indent',
  charset: 'utf8',
  noDedupe: false,
  prune: [],
  members: new Set(['app'])
}

describe('printing', () => {
  it('draws headings, marks repeats that have dependencies, and shows sources', () => {
    const { graph, root } = sampleGraph()
    expect(printTree(graph, [root], OPTIONS)).toBe(
      [
        'app v0.1.0 (/ws/app)',
        '└── serde v1.0.152',
        '    └── derive v1.0.0 (proc-macro)',
        '[build-dependencies]',
        '└── derive v1.0.0 (proc-macro)',
        '[dev-dependencies]',
        '└── serde v1.0.152 (*)',
        ''
      ].join('\n')
    )
  })

  it('prints depth prefixes, ascii, limits and repeats on request', () => {
    const { graph, root } = sampleGraph()
    expect(printTree(graph, [root], { ...OPTIONS, prefix: 'depth' })).toBe(
      '0app v0.1.0 (/ws/app)\n1serde v1.0.152\n2derive v1.0.0 (proc-macro)\n1derive v1.0.0 (proc-macro)\n1serde v1.0.152 (*)\n'
    )
    expect(printTree(graph, [root], { ...OPTIONS, charset: 'ascii', depth: 1, noDedupe: true })).toBe(
      'app v0.1.0 (/ws/app)\n`-- serde v1.0.152\n[build-dependencies]\n`-- derive v1.0.0 (proc-macro)\n[dev-dependencies]\n`-- serde v1.0.152\n'
    )
  })

  it('formats {p} {l} {r} {f} {lib} and rejects unknown placeholders', () => {
    const { graph, root } = sampleGraph()
    expect(displayNode(parsePattern('{p}|{l}|{r}|{f}|{lib}|{{}}'), graph, root)).toBe(
      'app v0.1.0 (/ws/app)|MIT||default||{}'
    )
    expect(displayNode(parsePattern('{lib}'), graph, 1)).toBe('serde')
    expect(() => parsePattern('{x}')).toThrow('unsupported pattern `x`')
    expect(() => parsePattern('{p')).toThrow("expected '}'")
    expect(() => parsePattern('p}')).toThrow("unexpected '}'")
  })
})

describe('graph data', () => {
  it('exports nodes and sorted, kinded edges for the dependency view', () => {
    const { graph, root } = sampleGraph()
    const data = treeGraphData(graph, [root])
    expect(data.nodes[2]).toMatchObject({ type: 'package', name: 'derive', procMacro: true, kind: 'host' })
    expect(data.edges).toEqual([
      { from: 0, to: 1, kind: 'normal' },
      { from: 0, to: 2, kind: 'build' },
      { from: 0, to: 1, kind: 'dev' },
      { from: 1, to: 2, kind: 'normal' }
    ])
    expect(data.roots).toEqual([0])
  })
})
