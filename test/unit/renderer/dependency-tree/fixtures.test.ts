import { describe, expect, it } from 'vitest'
import { findDuplicates } from '../../../../src/renderer/src/features/dependency-tree/model/duplicates'
import { CARGO_EXPANSION } from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import { indexGraph } from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  firstOccurrences,
  flattenTree
} from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { largeWorkspace, smallWorkspace } from './fixtures'

function cargoRows(graph = largeWorkspace()) {
  const index = indexGraph(graph)
  const spec = { direction: 'dependencies', roots: index.roots } as const
  return { index, rows: flattenTree(index, spec, firstOccurrences(index, spec), CARGO_EXPANSION) }
}

describe('fixtures', () => {
  it('the large workspace has 3,000+ rows, duplicates, git and path sources, build and dev edges', () => {
    const { index, rows } = cargoRows()
    const shown = new Set(rows.flatMap((r) => (r.type === 'package' ? [index.packages[r.pkg]!] : [])))
    expect(rows.length).toBeGreaterThanOrEqual(3000)
    expect(index.unknownIds).toEqual([])
    expect(findDuplicates(index).length).toBeGreaterThan(10)
    expect([...shown].some((p) => p.source.kind === 'git')).toBe(true)
    expect([...shown].some((p) => p.source.kind === 'path' && !p.member)).toBe(true)
    expect([...shown].some((p) => p.procMacro)).toBe(true)
    expect(rows.some((r) => r.type === 'heading' && r.kind === 'build')).toBe(true)
    expect(rows.some((r) => r.type === 'heading' && r.kind === 'dev')).toBe(true)
    expect(rows.some((r) => r.type === 'package' && r.repeat)).toBe(true)
  })

  it('is the same graph for the same seed, and another for another seed', () => {
    expect(largeWorkspace({ seed: 3 })).toEqual(largeWorkspace({ seed: 3 }))
    expect(largeWorkspace({ seed: 3 })).not.toEqual(largeWorkspace({ seed: 4 }))
  })

  it('the small workspace names only packages it has', () => {
    expect(indexGraph(smallWorkspace()).unknownIds).toEqual([])
  })
})
