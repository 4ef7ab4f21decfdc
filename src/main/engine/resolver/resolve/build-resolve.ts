/**
 * Turns the final resolver state into the `Resolve` the rest of the engine reads: every
 * activated package with its dependency edges, one per name the dependent uses, each edge
 * listing every kind and platform it was declared with.
 */
import type { Summary } from '../../sources/summary'
import { comparePackageIds, summaryId, summaryKey } from './package-keys'
import type { DepKindInfo, ResolvedDep, ResolvedPackage } from './resolve-types'
import type { ResolverContext } from './resolver-context'

function kindsOf(entries: readonly DepKindInfo[]): DepKindInfo[] {
  const seen = new Map<string, DepKindInfo>()
  for (const k of entries) seen.set(`${k.kind}\u0000${k.target ?? ''}`, k)
  const rank = { normal: 0, dev: 1, build: 2 } as const
  return [...seen.values()].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || (a.target ?? '').localeCompare(b.target ?? '')
  )
}

/** The activated packages, sorted as cargo sorts package IDs, with their merged edges. */
export function buildPackages(cx: ResolverContext): Map<string, ResolvedPackage> {
  const summaries = new Map<string, Summary>()
  for (const a of cx.activations.values()) summaries.set(summaryKey(a.summary), a.summary)
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
      for (const [pkg, kinds] of targets) deps.push({ name, pkg, kinds: kindsOf(kinds) })
    deps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.pkg < b.pkg ? -1 : 1))
    out.set(key, { id: summaryId(summary), summary, deps })
  }
  return out
}
