/**
 * The graph `cargo tree` prints (cargo's `ops/tree/graph.rs`): package nodes, one per
 * (package, features, compile kind), and with `-e features` feature nodes between them. Nodes
 * are ordered the way cargo orders them, since that order is the order of every printed list.
 */
import type { PackageId } from '../resolver/resolve/resolve-types'
import type { CompileKind } from '../resolver/feature-resolver/target-data'
import {
  comparePackageIds,
  compareStringLists,
  compareStrings
} from '../resolver/feature-resolver/package-order'

export type TreeNode =
  | {
      readonly type: 'package'
      /** `packageIdKey` of the package. */
      readonly pkg: string
      readonly id: PackageId
      /** Features enabled on it, sorted. */
      readonly features: readonly string[]
      readonly kind: CompileKind
    }
  | {
      readonly type: 'feature'
      /** Index of the package node the feature belongs to. */
      readonly node: number
      readonly name: string
    }

/** Which section an edge is printed in; `feature` edges lead from a feature node to what it enables. */
export type EdgeKind = 'normal' | 'build' | 'dev' | 'feature'

export interface TreeEdge {
  readonly kind: EdgeKind
  readonly node: number
}

/** What printing needs to know about a package beyond its ID. */
export interface PackageInfo {
  readonly procMacro: boolean
  readonly license?: string
  readonly repository?: string
  /** The library's crate name (`-` as `_`), when the package has a library. */
  readonly libName?: string
}

function nodeKey(node: TreeNode): string {
  return node.type === 'package'
    ? `p\u0000${node.pkg}\u0000${node.features.join(',')}\u0000${node.kind.type === 'host' ? '' : node.kind.triple}`
    : `f\u0000${node.node}\u0000${node.name}`
}

export class TreeGraph {
  readonly nodes: TreeNode[] = []
  readonly edges: Map<EdgeKind, TreeEdge[]>[] = []
  private readonly index = new Map<string, number>()
  /** Feature nodes that come from the command line (shown with ` (command-line)`). */
  readonly cliFeatures = new Set<number>()
  /** Per package node: its dependency names → (package node, optional) pairs, for `dep/feat` lookups. */
  readonly depNames = new Map<number, Map<string, { node: number; optional: boolean }[]>>()

  constructor(readonly packages: ReadonlyMap<string, PackageInfo>) {}

  find(node: TreeNode): number | undefined {
    return this.index.get(nodeKey(node))
  }

  add(node: TreeNode): number {
    const i = this.nodes.length
    this.nodes.push(node)
    this.edges.push(new Map())
    this.index.set(nodeKey(node), i)
    return i
  }

  node(i: number): TreeNode {
    const n = this.nodes[i]
    if (!n) throw new Error(`no tree node ${i}`)
    return n
  }

  addEdge(from: number, edge: TreeEdge): void {
    const map = this.edges[from]!
    const list = map.get(edge.kind) ?? []
    if (!list.some((e) => e.node === edge.node)) list.push(edge)
    map.set(edge.kind, list)
  }

  allEdges(from: number): TreeEdge[] {
    return [...this.edges[from]!.values()].flat()
  }

  /** The edges of one kind, sorted by the nodes they lead to (cargo's `edges_of_kind`). */
  edgesOfKind(from: number, kind: EdgeKind): TreeEdge[] {
    const list = [...(this.edges[from]!.get(kind) ?? [])]
    return list.sort((a, b) => this.compare(a.node, b.node))
  }

  hasOutgoingEdges(i: number): boolean {
    return this.edges[i]!.size > 0
  }

  /** Package nodes of the given packages, sorted. */
  indexesOf(pkgs: ReadonlySet<string>): number[] {
    const out: number[] = []
    this.nodes.forEach((n, i) => {
      if (n.type === 'package' && pkgs.has(n.pkg)) out.push(i)
    })
    return out.sort((a, b) => this.compare(a, b))
  }

  packageOf(i: number): Extract<TreeNode, { type: 'package' }> {
    const n = this.node(i)
    if (n.type !== 'package') throw new Error(`tree node ${i} is not a package`)
    return n
  }

  /** cargo's derived `Ord` for `Node`: packages before features; packages by ID, features, kind. */
  compare(a: number, b: number): number {
    return compareNodes(this.node(a), this.node(b))
  }
}

export function compareNodes(x: TreeNode, y: TreeNode): number {
  if (x.type !== y.type) return x.type === 'package' ? -1 : 1
  if (x.type === 'package' && y.type === 'package')
    return (
      comparePackageIds(x.id, y.id) ||
      compareStringLists(x.features, y.features) ||
      compareKinds(x.kind, y.kind)
    )
  if (x.type === 'feature' && y.type === 'feature') return x.node - y.node || compareStrings(x.name, y.name)
  return 0
}

/** cargo's `CompileKind` order: the host first, then targets by triple. */
function compareKinds(a: CompileKind, b: CompileKind): number {
  if (a.type === 'host' || b.type === 'host') return a.type === b.type ? 0 : a.type === 'host' ? -1 : 1
  return compareStrings(a.triple, b.triple)
}
