/**
 * Turns the final resolver state into the `Resolve` the rest of the engine reads: every
 * activated package with its dependency edges, one per name the dependent uses, each edge
 * listing every kind and platform it was declared with. An edge to a package `[replace]`
 * swapped leads to its stand-in (cargo's `Resolve::deps`) and remembers the original, which
 * is kept apart for Cargo.lock.
 */
import type { Summary } from '../../sources/summary'
import { comparePackageIds, summaryId, summaryKey } from './package-keys'
import type { DepKindInfo, ReplacedPackage, ResolvedDep, ResolvedPackage } from './resolve-types'
import type { ResolverContext } from './resolver-context'

function kindsOf(entries: readonly DepKindInfo[]): DepKindInfo[] {
  const seen = new Map<string, DepKindInfo>()
  for (const k of entries) seen.set(`${k.kind}\u0000${k.target ?? ''}`, k)
  const rank = { normal: 0, dev: 1, build: 2 } as const
  return [...seen.values()].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || (a.target ?? '').localeCompare(b.target ?? '')
  )
}

export interface BuiltPackages {
  readonly packages: Map<string, ResolvedPackage>
  readonly replaced: Map<string, ReplacedPackage>
}

/**
 * The activated packages, sorted as cargo sorts package IDs, with their merged edges;
 * `standIns` maps a `[replace]`d package's key to the summary used in its place.
 */
export function buildPackages(
  cx: ResolverContext,
  standIns: ReadonlyMap<string, Summary> = new Map()
): BuiltPackages {
  const summaries = new Map<string, Summary>()
  const replaced = new Map<string, ReplacedPackage>()
  for (const a of cx.activations.values()) {
    const key = summaryKey(a.summary)
    const standIn = standIns.get(key)
    if (!standIn) summaries.set(key, a.summary)
    else {
      const { checksum } = a.summary
      const replacement = summaryKey(standIn)
      replaced.set(key, { id: summaryId(a.summary), ...(checksum ? { checksum } : {}), replacement })
    }
  }
  const edges = new Map<string, Map<string, Map<string, DepKindInfo[]>>>()
  for (const [child, parents] of cx.parents)
    for (const [parent, deps] of parents) {
      let byName = edges.get(parent)
      if (!byName) edges.set(parent, (byName = new Map<string, Map<string, DepKindInfo[]>>()))
      for (const dep of deps) {
        let targets = byName.get(dep.name)
        if (!targets) byName.set(dep.name, (targets = new Map<string, DepKindInfo[]>()))
        const kinds = targets.get(child) ?? []
        kinds.push({ kind: dep.kind, ...(dep.target !== undefined ? { target: dep.target } : {}) })
        targets.set(child, kinds)
      }
    }
  const out = new Map<string, ResolvedPackage>()
  const sorted = [...summaries.values()].sort((a, b) => comparePackageIds(summaryId(a), summaryId(b)))
  for (const summary of sorted) {
    const key = summaryKey(summary)
    const deps: ResolvedDep[] = []
    for (const [name, targets] of edges.get(key) ?? [])
      for (const [pkg, kinds] of targets) {
        const swapped = replaced.get(pkg)
        deps.push(
          swapped
            ? { name, pkg: swapped.replacement, kinds: kindsOf(kinds), replaced: pkg }
            : { name, pkg, kinds: kindsOf(kinds) }
        )
      }
    deps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.pkg < b.pkg ? -1 : 1))
    out.set(key, { id: summaryId(summary), summary, deps })
  }
  return { packages: out, replaced }
}
