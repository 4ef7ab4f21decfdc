/**
 * Finding packages by name: `serde` matches serde, serde_json and serde_derive; `-` and `_` are
 * the same (as cargo treats crate names); `name@1.2` also narrows by version prefix. Then the
 * tree is cut down to the matches and the rows above them when the person asks to filter.
 */
import type { GraphPackage } from '@shared/models/dependency-tree'
import type { GraphIndex } from './graph-index'
import type { TreeRow } from './tree-rows'

export interface SearchQuery {
  /** Lowercase, `_` for `-`. */
  readonly name: string
  readonly version?: string
}

const fold = (s: string): string => s.toLowerCase().replaceAll('-', '_')

/** Undefined for an empty query. */
export function parseQuery(text: string): SearchQuery | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const at = trimmed.indexOf('@')
  if (at < 0) return { name: fold(trimmed) }
  const version = trimmed.slice(at + 1).replace(/^v/, '')
  return { name: fold(trimmed.slice(0, at)), ...(version && { version }) }
}

export function matchesPackage(query: SearchQuery, pkg: GraphPackage): boolean {
  return (
    fold(pkg.name).includes(query.name) &&
    (query.version === undefined || pkg.version.startsWith(query.version))
  )
}

/** The matched part of a name, for highlighting: [start, end), or undefined. */
export function matchRange(query: SearchQuery, name: string): readonly [number, number] | undefined {
  if (!query.name) return undefined
  const at = fold(name).indexOf(query.name)
  return at < 0 ? undefined : [at, at + query.name.length]
}

/** Every package (by number) that matches, among those reachable from the roots. */
export function matchingPackages(index: GraphIndex, query: SearchQuery): Set<number> {
  const found = new Set<number>()
  for (const pkg of index.reachable) if (matchesPackage(query, index.packages[pkg]!)) found.add(pkg)
  return found
}

/**
 * Only the rows that match and the rows above them, with positions and parents renumbered so
 * the tree's ARIA attributes and guides stay right. Headings stay when a child under them does.
 */
export function filterRows(rows: readonly TreeRow[], keep: (row: TreeRow) => boolean): TreeRow[] {
  const headings = new Map<string, number>()
  rows.forEach((row, i) => row.type === 'heading' && headings.set(row.key, i))
  const kept = new Array<boolean>(rows.length).fill(false)
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!
    if (row.type === 'package' && keep(row)) kept[i] = true
    if (!kept[i] || row.parent < 0) continue
    kept[row.parent] = true
    const parentKey = rows[row.parent]?.key
    const heading =
      row.type === 'package' && row.kind !== 'normal' ? headings.get(`${parentKey}:${row.kind}`) : undefined
    if (heading !== undefined) kept[heading] = true
  }
  const newIndex = new Array<number>(rows.length).fill(-1)
  const out: TreeRow[] = []
  rows.forEach((row, i) => {
    if (!kept[i]) return
    newIndex[i] = out.length
    out.push({ ...row, parent: row.parent < 0 ? -1 : newIndex[row.parent]! })
  })
  return renumber(out)
}

/** Recomputes posinset/setsize/last-in-group and whether each row still shows children. */
function renumber(rows: TreeRow[]): TreeRow[] {
  const children = new Map<number, number[]>()
  rows.forEach((row, i) => {
    if (row.type !== 'package') return
    const list = children.get(row.parent)
    if (list) list.push(i)
    else children.set(row.parent, [i])
  })
  const result = rows.slice()
  for (const [, list] of children) {
    list.forEach((i, n) => {
      const row = rows[i]
      if (row?.type !== 'package') return
      const next = rows[list[n + 1] ?? -1]
      const lastInGroup = !(next?.type === 'package' && next.kind === row.kind)
      result[i] = { ...row, posInSet: n + 1, setSize: list.length, lastInGroup }
    })
  }
  return result
}
