/**
 * A summary's dependencies in cargo's order. cargo lists them as its manifest reader gathers
 * them: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, then each `[target.…]`
 * table in sorted order (normal, build, dev); every table sorted by name. The resolver breaks
 * ties between equally constrained dependencies by this order, so it decides which of two
 * valid resolutions cargo finds first.
 */
import type { Summary, SummaryDep } from '../../sources/summary'
import { depOf, type Dep } from './dependency'

const UNTARGETED_RANK = { normal: 0, dev: 1, build: 2 } as const
const TARGETED_RANK = { normal: 0, build: 1, dev: 2 } as const

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compareDeps(a: SummaryDep, b: SummaryDep): number {
  if (a.target !== b.target) {
    if (a.target === undefined) return -1
    if (b.target === undefined) return 1
    return compareStrings(a.target, b.target)
  }
  const ranks = a.target === undefined ? UNTARGETED_RANK : TARGETED_RANK
  return ranks[a.kind] - ranks[b.kind] || compareStrings(a.name, b.name)
}

const cache = new WeakMap<Summary, readonly Dep[]>()

/** The summary's dependencies, parsed and in cargo's order (cached per summary). */
export function summaryDeps(summary: Summary): readonly Dep[] {
  let deps = cache.get(summary)
  if (!deps) {
    deps = [...summary.deps].sort(compareDeps).map((d) => depOf(d, summary))
    cache.set(summary, deps)
  }
  return deps
}
