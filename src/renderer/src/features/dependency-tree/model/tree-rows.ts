/**
 * The tree derived from the graph, as rows in display order (what the virtualized list shows and
 * what "Copy as text" prints). It follows `cargo tree`: children sorted in package-ID order and
 * grouped normal, then `[build-dependencies]`, then `[dev-dependencies]`; a package is unfolded
 * where it first appears and marked `(*)` where it repeats. Turned around (`dependents`), the
 * same walk is `cargo tree -i`.
 */
import type { DependencyKind } from '@shared/models/package'
import { allLinks, type GraphIndex, type LinkGroup } from './graph-index'
import { isExpanded, type Expansion } from './expansion'

export type TreeDirection = 'dependencies' | 'dependents'

/** Which tree: the direction to walk and the packages at its top. */
export interface TreeSpec {
  readonly direction: TreeDirection
  readonly roots: readonly number[]
}

export interface PackageRow {
  readonly type: 'package'
  /** The path of edges from the root (`root.edge.edge`): unique, stable across expansions. */
  readonly key: string
  readonly pkg: number
  /** The edge from the parent row; undefined for a root. */
  readonly edge: number | undefined
  /** The kind of that edge (roots: `normal`). */
  readonly kind: DependencyKind
  /** 1-based depth, as `aria-level`. */
  readonly level: number
  /** Row index of the parent package row; -1 for a root. */
  readonly parent: number
  /** 1-based position among the parent's children (all kinds), as `aria-posinset`. */
  readonly posInSet: number
  readonly setSize: number
  /** The last child of its kind group: cargo draws `└──` instead of `├──`. */
  readonly lastInGroup: boolean
  /** Unfolded elsewhere in this tree: cargo's `(*)` (shown only when it has children). */
  readonly repeat: boolean
  readonly hasChildren: boolean
  readonly expanded: boolean
}

/** Cargo's `[build-dependencies]` / `[dev-dependencies]` line above a group of children. */
export interface HeadingRow {
  readonly type: 'heading'
  readonly key: string
  readonly kind: 'build' | 'dev'
  /** The level of the children it introduces. */
  readonly level: number
  readonly parent: number
}

export type TreeRow = PackageRow | HeadingRow

function groupsFor(index: GraphIndex, direction: TreeDirection): readonly (readonly LinkGroup[])[] {
  return direction === 'dependencies' ? index.dependencies : index.dependents
}

/**
 * Where each package first appears when the whole tree is walked in order (its "canonical"
 * row). Every other row of that package is a repeat. Independent of what is open, so closing a
 * subtree never moves the unfolded copy elsewhere.
 */
export function firstOccurrences(index: GraphIndex, spec: TreeSpec): ReadonlyMap<number, string> {
  const groups = groupsFor(index, spec.direction)
  const first = new Map<number, string>()
  const stack: (readonly [number, string])[] = spec.roots.map((r) => [r, String(r)] as const).reverse()
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [pkg, key] = top
    if (first.has(pkg)) continue
    first.set(pkg, key)
    const links = allLinks(groups[pkg] ?? [])
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i]!
      if (!first.has(link.pkg)) stack.push([link.pkg, `${key}.${link.edge}`])
    }
  }
  return first
}

/** The rows that are visible with the given rows open. */
export function flattenTree(
  index: GraphIndex,
  spec: TreeSpec,
  first: ReadonlyMap<number, string>,
  expansion: Expansion
): TreeRow[] {
  const groupsOf = groupsFor(index, spec.direction)
  const rows: TreeRow[] = []
  const visit = (
    pkg: number,
    key: string,
    edge: number | undefined,
    kind: DependencyKind,
    level: number,
    parent: number,
    posInSet: number,
    setSize: number,
    lastInGroup: boolean
  ): void => {
    const groups = groupsOf[pkg] ?? []
    const hasChildren = groups.length > 0
    const repeat = first.get(pkg) !== key
    const expanded = hasChildren && isExpanded(expansion, key, !repeat)
    const at = rows.length
    rows.push({
      type: 'package',
      key,
      pkg,
      edge,
      kind,
      level,
      parent,
      posInSet,
      setSize,
      lastInGroup,
      repeat,
      hasChildren,
      expanded
    })
    if (!expanded) return
    const size = groups.reduce((n, g) => n + g.links.length, 0)
    let pos = 0
    for (const group of groups) {
      if (group.kind !== 'normal')
        rows.push({
          type: 'heading',
          key: `${key}:${group.kind}`,
          kind: group.kind,
          level: level + 1,
          parent: at
        })
      const last = group.links.length - 1
      group.links.forEach((link, i) => {
        pos += 1
        visit(link.pkg, `${key}.${link.edge}`, link.edge, group.kind, level + 1, at, pos, size, i === last)
      })
    }
  }
  const lastRoot = spec.roots.length - 1
  spec.roots.forEach((pkg, i) =>
    visit(pkg, String(pkg), undefined, 'normal', 1, -1, i + 1, spec.roots.length, i === lastRoot)
  )
  return rows
}

/** The package a row key ends at, without the rows: the root's number, or the far end of its last edge. */
export function packageOfKey(index: GraphIndex, direction: TreeDirection, key: string): number | undefined {
  const dot = key.lastIndexOf('.')
  if (dot < 0) return Number(key)
  const edge = index.edges[Number(key.slice(dot + 1))]
  const id = direction === 'dependencies' ? edge?.to : edge?.from
  return id === undefined ? undefined : index.byId.get(id)
}

/** Whether a row can take focus (headings cannot). */
export function isPackageRow(row: TreeRow | undefined): row is PackageRow {
  return row?.type === 'package'
}
