/**
 * "Why is this package here?": the chains of dependencies from the roots down to it, shortest
 * first. The inverted tree shows all of them folded; this lists the first few in full. The
 * number of chains can grow exponentially, so the walk stops at a limit and says so.
 */
import type { DependencyKind } from '@shared/models/package'
import type { GraphIndex } from './graph-index'

export interface DependencyPath {
  /** From a root down to the package. */
  readonly pkgs: readonly number[]
  /** `kinds[i]`: how `pkgs[i]` depends on `pkgs[i + 1]`. */
  readonly kinds: readonly DependencyKind[]
}

export interface PathsResult {
  readonly paths: readonly DependencyPath[]
  /** False when the limit (or the work budget) cut the list short. */
  readonly complete: boolean
}

interface Partial {
  /** From the package up: `[target, parent, grandparent, …]`. */
  readonly up: readonly number[]
  readonly kinds: readonly DependencyKind[]
}

/** Breadth-first from the package up through its dependents, recording each chain that reaches a root. */
export function pathsFromRoots(index: GraphIndex, target: number, limit = 20, budget = 50_000): PathsResult {
  const roots = new Set(index.roots)
  const paths: DependencyPath[] = []
  let frontier: Partial[] = [{ up: [target], kinds: [] }]
  let steps = 0
  while (frontier.length > 0) {
    const next: Partial[] = []
    for (const partial of frontier) {
      const top = partial.up[partial.up.length - 1]!
      if (roots.has(top)) {
        paths.push({ pkgs: [...partial.up].reverse(), kinds: [...partial.kinds].reverse() })
        if (paths.length >= limit) return { paths, complete: false }
      }
      const seen = new Set<number>()
      for (const group of index.dependents[top] ?? []) {
        for (const link of group.links) {
          if (seen.has(link.pkg) || partial.up.includes(link.pkg)) continue
          seen.add(link.pkg)
          if (++steps > budget) return { paths, complete: false }
          next.push({ up: [...partial.up, link.pkg], kinds: [...partial.kinds, group.kind] })
        }
      }
    }
    frontier = next
  }
  return { paths, complete: true }
}
