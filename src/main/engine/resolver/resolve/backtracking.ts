/**
 * Backjumping (cargo's `find_candidate` and `generalize_conflicting`): when a dependency has no
 * candidate left, go back to the newest decision whose undoing could change that, skipping
 * every backtrack point taken while all the conflicting packages were already active; and try
 * to turn the conflict into one about an older package, so later failures jump further back.
 */
import type { Summary } from '../../sources/summary'
import type { ConflictCache, ConflictMap, ActiveAge } from './conflicts'
import type { Dep } from './dependency'
import { summaryKey, summarySlot } from './package-keys'
import type { RegistryQueryer } from './registry-queryer'
import type { RemainingCandidates } from './remaining-candidates'
import type { RemainingDeps } from './remaining-deps'
import type { ResolverContext } from './resolver-context'

export interface BacktrackFrame {
  readonly context: ResolverContext
  readonly remainingDeps: RemainingDeps
  readonly remainingCandidates: RemainingCandidates
  readonly parent: Summary
  readonly dep: Dep
  readonly features: readonly string[]
  readonly conflicting: ConflictMap
}

/** The age of a package (by key) in `cx`, if it is active there. */
export function activeIn(cx: ResolverContext, queryer: RegistryQueryer): ActiveAge {
  return (key) => {
    const s = queryer.known.get(key)
    return s ? cx.isActive(s) : undefined
  }
}

/** When `parent` and every conflicting package are active, the newest of their ages. */
export function conflictAge(
  cx: ResolverContext,
  queryer: RegistryQueryer,
  parent: string | undefined,
  conflicting: ConflictMap
): number | undefined {
  const active = activeIn(cx, queryer)
  let max = 0
  for (const key of [...conflicting.keys(), ...(parent !== undefined ? [parent] : [])]) {
    const age = active(key)
    if (age === undefined) return undefined
    max = Math.max(max, age)
  }
  return max
}

/**
 * Pops backtrack points until one has another candidate and could make a difference. The
 * popped frames are consumed; pass a copy of the stack for a dry run.
 */
export function findCandidate(
  cx: ResolverContext,
  queryer: RegistryQueryer,
  stack: BacktrackFrame[],
  parent: Summary,
  backtracked: boolean,
  conflicting: ConflictMap
): { candidate: Summary; hasAnother: boolean; frame: BacktrackFrame } | undefined {
  const age = backtracked ? undefined : conflictAge(cx, queryer, summaryKey(parent), conflicting)
  for (;;) {
    const frame = stack.pop()
    if (!frame) return undefined
    const remainingCandidates = frame.remainingCandidates.clone()
    const frameConflicts = new Map(frame.conflicting)
    const next = remainingCandidates.next(frameConflicts, frame.context)
    if (!next) continue
    if (age !== undefined && frame.context.age >= age) continue
    return { ...next, frame: { ...frame, remainingCandidates, conflicting: frameConflicts } }
  }
}

/**
 * If every candidate of the dependency that brought in the newest conflicting package is
 * itself known to fail, the conflict is really with that dependency's parent: record that
 * (older) conflict and return it.
 */
export function generalizeConflicting(
  cx: ResolverContext,
  queryer: RegistryQueryer,
  cache: ConflictCache,
  parent: Summary,
  dep: Dep,
  conflicting: ConflictMap
): ConflictMap | undefined {
  const active = activeIn(cx, queryer)
  let criticalAge = -1
  let critical: string | undefined
  for (const key of conflicting.keys()) {
    const age = active(key)
    if (age === undefined) return undefined
    if (age > criticalAge) {
      criticalAge = age
      critical = key
    }
  }
  if (critical === undefined) return undefined
  const reason = conflicting.get(critical)!
  if (cx.isPathFromTo(summaryKey(parent), critical)) return undefined
  for (const [criticalParent, parentDeps] of cx.parents.get(critical) ?? []) {
    if (active(criticalParent)! >= criticalAge) continue
    for (const parentDep of parentDeps) {
      const others = [...queryer.cachedQuery(parentDep)].reverse()
      const found: [Summary, ConflictMap][] = []
      for (const other of others) {
        const otherKey = summaryKey(other)
        const otherSlot = summarySlot(other)
        const imagined = (key: string): number | undefined => {
          if (key === otherKey) return criticalAge
          const s = queryer.known.get(key)
          if (s && summarySlot(s) === otherSlot) return undefined
          return active(key)
        }
        const con = cache.find(dep, imagined, otherKey, criticalAge)
        if (!con) break
        found.push([other, con])
      }
      if (found.length !== others.length) continue
      const con: ConflictMap = new Map(conflicting)
      for (const [, other] of found) for (const [k, r] of other) con.set(k, r)
      for (const [other] of found) con.delete(summaryKey(other))
      con.set(criticalParent, reason)
      cache.insert(dep, con)
      return con
    }
  }
  return undefined
}
