/**
 * Reshaping the tree graph for `-i` and `-d` (cargo's `from_reachable`, `invert`,
 * `find_duplicates`): keep what the roots reach, turn every edge around, and find the packages
 * that appear in more than one version (or with different features).
 */
import { TreeGraph } from './graph'

/** A new graph of only the nodes reachable from `roots`; returns it with the roots' new indexes. */
export function fromReachable(
  graph: TreeGraph,
  roots: readonly number[]
): { graph: TreeGraph; roots: number[] } {
  const out = new TreeGraph(graph.packages)
  const remap = new Map<number, number>()
  const visit = (index: number): number => {
    const seen = remap.get(index)
    if (seen !== undefined) return seen
    const to = out.add(graph.node(index))
    remap.set(index, to)
    for (const edge of graph.allEdges(index)) out.addEdge(to, { kind: edge.kind, node: visit(edge.node) })
    return to
  }
  return { graph: out, roots: roots.map(visit) }
}

/** Every edge reversed, in place. */
export function invert(graph: TreeGraph): void {
  const edges = graph.edges.map((m) => [...m.values()].flat())
  for (const m of graph.edges) m.clear()
  edges.forEach((list, from) => {
    for (const edge of list) graph.addEdge(edge.node, { kind: edge.kind, node: from })
  })
}

/** Package nodes whose name comes with more than one (version, source, features), sorted. */
export function findDuplicates(graph: TreeGraph): number[] {
  const byName = new Map<string, number[]>()
  graph.nodes.forEach((n, i) => {
    if (n.type !== 'package') return
    byName.set(n.id.name, [...(byName.get(n.id.name) ?? []), i])
  })
  const dupes: number[] = []
  for (const indexes of byName.values()) {
    const distinct = new Set(
      indexes.map((i) => {
        const n = graph.packageOf(i)
        return `${n.pkg}\u0000${n.features.join(',')}`
      })
    )
    if (distinct.size > 1) dupes.push(...indexes)
  }
  return dupes.sort((a, b) => graph.compare(a, b))
}
