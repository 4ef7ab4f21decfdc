/**
 * From a manifest dependency to the package the resolve chose for it. `ResolvedDep` edges are
 * keyed by the dependent's name for the dependency plus its kinds and platforms; each
 * `SummaryDep` (one manifest entry) finds its edge through them.
 */
import type { SummaryDep } from '../../sources/summary'
import type { ResolvedPackage } from '../resolve/resolve-types'

/** Platform keys compared without whitespace: `cfg(a="b")` and `cfg(a = "b")` are one platform. */
export function samePlatform(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
}

/** The `packageIdKey` the resolve chose for `dep`, or undefined when it chose none (an optional dependency left off). */
export function resolvedTarget(pkg: ResolvedPackage, dep: SummaryDep): string | undefined {
  const edge = pkg.deps.find(
    (e) =>
      e.name === dep.name && e.kinds.some((k) => k.kind === dep.kind && samePlatform(k.target, dep.target))
  )
  return edge?.pkg
}
