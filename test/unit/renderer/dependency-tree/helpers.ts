/** Shorthands for the tree model's tests: index a graph, walk a tree, name rows. */
import type { DependencyGraph } from '@shared/models/dependency-tree'
import {
  CARGO_EXPANSION,
  type Expansion
} from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import {
  indexGraph,
  type GraphIndex
} from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  firstOccurrences,
  flattenTree,
  type TreeDirection,
  type TreeRow
} from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'

export function at(index: GraphIndex, name: string, version?: string): number {
  const i = index.packages.findIndex(
    (p) => p.name === name && (version === undefined || p.version === version)
  )
  if (i < 0) throw new Error(`no package ${name}${version ? `@${version}` : ''}`)
  return i
}

export function rowsOf(
  graph: DependencyGraph | GraphIndex,
  expansion: Expansion = CARGO_EXPANSION,
  direction: TreeDirection = 'dependencies',
  roots?: readonly number[]
): { readonly index: GraphIndex; readonly rows: TreeRow[] } {
  const index = 'byId' in graph ? graph : indexGraph(graph)
  const spec = { direction, roots: roots ?? index.roots }
  return { index, rows: flattenTree(index, spec, firstOccurrences(index, spec), expansion) }
}

/** A row as a short string: indentation by level, `name@version`, `(*)`, `[build]` for headings. */
export function label(index: GraphIndex, row: TreeRow): string {
  const pad = '  '.repeat(row.level - 1)
  if (row.type === 'heading') return `${pad}[${row.kind}]`
  const p = index.packages[row.pkg]!
  return `${pad}${p.name}@${p.version}${row.repeat && row.hasChildren ? ' (*)' : ''}${row.hasChildren && !row.expanded ? ' +' : ''}`
}

export function labels(index: GraphIndex, rows: readonly TreeRow[]): string[] {
  return rows.map((r) => label(index, r))
}
