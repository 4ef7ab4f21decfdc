/**
 * The graph turned into arrays the tree walks quickly: packages by number, each one's
 * dependencies and dependents grouped by kind and sorted in cargo's order. Built once per graph;
 * every view (tree, inverted tree, duplicates, details) reads from it.
 */
import type { DependencyGraph, GraphEdge, GraphPackage } from '@shared/models/dependency-tree'
import type { DependencyKind } from '@shared/models/package'
import { comparePackages } from './package-order'

/** One step in the tree: the edge taken and the package at its other end. */
export interface Link {
  readonly edge: number
  readonly pkg: number
}

/** A package's links of one kind, as cargo tree groups them (normal first, then build, then dev). */
export interface LinkGroup {
  readonly kind: DependencyKind
  readonly links: readonly Link[]
}

export interface GraphIndex {
  readonly packages: readonly GraphPackage[]
  readonly edges: readonly GraphEdge[]
  readonly byId: ReadonlyMap<string, number>
  /** Each package's position in cargo's package-ID order (compare these instead of versions). */
  readonly rank: Int32Array
  /** The roots that exist, in cargo's order. */
  readonly roots: readonly number[]
  /** Per package: what it depends on, one link per package and kind. */
  readonly dependencies: readonly (readonly LinkGroup[])[]
  /** Per package: who depends on it, one link per package and kind. */
  readonly dependents: readonly (readonly LinkGroup[])[]
  /** Per package: every edge that points at it (all declarations, for the details pane). */
  readonly incoming: readonly (readonly number[])[]
  /** Packages reachable from the roots (following every edge kind). */
  readonly reachable: ReadonlySet<number>
  /** IDs that edges or roots name but no package has: a bug upstream, shown rather than hidden. */
  readonly unknownIds: readonly string[]
}

interface KindLink extends Link {
  readonly kind: DependencyKind
}

export const KIND_ORDER: readonly DependencyKind[] = ['normal', 'build', 'dev']

/** Each package's place in cargo's order, so sorting links compares numbers, not versions. */
function ranks(packages: readonly GraphPackage[]): Int32Array {
  const order = packages.map((_, i) => i).sort((a, b) => comparePackages(packages[a]!, packages[b]!))
  const rank = new Int32Array(packages.length)
  order.forEach((pkg, r) => (rank[pkg] = r))
  return rank
}

function groupLinks(links: readonly (readonly KindLink[])[], rank: Int32Array): LinkGroup[][] {
  return links.map((all) => {
    const groups: LinkGroup[] = []
    for (const kind of KIND_ORDER) {
      const seen = new Set<number>()
      const ofKind: Link[] = []
      for (const link of all) {
        if (link.kind !== kind || seen.has(link.pkg)) continue
        seen.add(link.pkg)
        ofKind.push({ edge: link.edge, pkg: link.pkg })
      }
      if (ofKind.length === 0) continue
      ofKind.sort((a, b) => rank[a.pkg]! - rank[b.pkg]!)
      groups.push({ kind, links: ofKind })
    }
    return groups
  })
}

function reachableFrom(roots: readonly number[], dependencies: readonly (readonly LinkGroup[])[]) {
  const seen = new Set<number>(roots)
  const stack = [...roots]
  for (let pkg = stack.pop(); pkg !== undefined; pkg = stack.pop()) {
    for (const group of dependencies[pkg] ?? []) {
      for (const link of group.links) {
        if (!seen.has(link.pkg)) {
          seen.add(link.pkg)
          stack.push(link.pkg)
        }
      }
    }
  }
  return seen
}

/** Indexes a graph. Edges or roots naming unknown packages are left out and listed in `unknownIds`. */
export function indexGraph(graph: DependencyGraph): GraphIndex {
  const packages = graph.packages
  const byId = new Map<string, number>()
  packages.forEach((p, i) => byId.set(p.id, i))
  const unknown = new Set<string>()
  const out: KindLink[][] = packages.map(() => [])
  const into: KindLink[][] = packages.map(() => [])
  const incoming: number[][] = packages.map(() => [])
  graph.edges.forEach((edge, i) => {
    const from = byId.get(edge.from)
    const to = byId.get(edge.to)
    if (from === undefined) unknown.add(edge.from)
    if (to === undefined) unknown.add(edge.to)
    if (from === undefined || to === undefined) return
    out[from]!.push({ edge: i, pkg: to, kind: edge.kind })
    into[to]!.push({ edge: i, pkg: from, kind: edge.kind })
    incoming[to]!.push(i)
  })
  const roots: number[] = []
  for (const id of graph.roots) {
    const i = byId.get(id)
    if (i === undefined) unknown.add(id)
    else if (!roots.includes(i)) roots.push(i)
  }
  const rank = ranks(packages)
  roots.sort((a, b) => rank[a]! - rank[b]!)
  const dependencies = groupLinks(out, rank)
  return {
    packages,
    edges: graph.edges,
    byId,
    rank,
    roots,
    dependencies,
    dependents: groupLinks(into, rank),
    incoming,
    reachable: reachableFrom(roots, dependencies),
    unknownIds: [...unknown]
  }
}

/** Every link of a package in tree order, headings aside. */
export function allLinks(groups: readonly LinkGroup[]): Link[] {
  return groups.flatMap((g) => g.links)
}
