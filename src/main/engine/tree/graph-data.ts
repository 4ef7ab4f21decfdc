/**
 * The tree graph as plain data (nodes, edges with their kinds, roots), for the dependency view:
 * it can draw the same graph `cargo tree` prints, expand and collapse it, and show features.
 */
import { sourceIdString } from '../sources/source-id'
import type { EdgeKind, TreeGraph } from './graph'

export type TreeNodeData =
  | {
      readonly type: 'package'
      /** `packageIdKey`. */
      readonly pkg: string
      readonly name: string
      readonly version: string
      /** The source as Cargo.lock writes it. */
      readonly source: string
      readonly features: readonly string[]
      /** `host`, or the target triple the node is built for. */
      readonly kind: string
      readonly procMacro: boolean
    }
  | {
      readonly type: 'feature'
      /** Index of the package node the feature belongs to. */
      readonly package: number
      readonly name: string
      readonly commandLine: boolean
    }

export interface TreeEdgeData {
  readonly from: number
  readonly to: number
  readonly kind: EdgeKind
}

export interface TreeGraphData {
  readonly nodes: readonly TreeNodeData[]
  /** Sorted per node and kind the way the tree prints them. */
  readonly edges: readonly TreeEdgeData[]
  readonly roots: readonly number[]
}

const KINDS: readonly EdgeKind[] = ['normal', 'build', 'dev', 'feature']

export function treeGraphData(graph: TreeGraph, roots: readonly number[]): TreeGraphData {
  const nodes: TreeNodeData[] = graph.nodes.map((n, i) =>
    n.type === 'package'
      ? {
          type: 'package',
          pkg: n.pkg,
          name: n.id.name,
          version: n.id.version,
          source: sourceIdString(n.id.source),
          features: n.features,
          kind: n.kind.type === 'host' ? 'host' : n.kind.triple,
          procMacro: graph.packages.get(n.pkg)?.procMacro ?? false
        }
      : { type: 'feature', package: n.node, name: n.name, commandLine: graph.cliFeatures.has(i) }
  )
  const edges: TreeEdgeData[] = []
  graph.nodes.forEach((_, from) => {
    for (const kind of KINDS)
      for (const e of graph.edgesOfKind(from, kind)) edges.push({ from, to: e.node, kind: e.kind })
  })
  return { nodes, edges, roots }
}
