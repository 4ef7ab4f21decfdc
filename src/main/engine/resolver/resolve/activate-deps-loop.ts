/**
 * The resolver's main loop (cargo's `activate_deps_loop`): take the most constrained pending
 * dependency, try its candidates best first, keep a backtrack point whenever another candidate
 * remains, and when none fits, backjump with the conflict cache's help. Ported decision by
 * decision, because which valid resolution comes out depends on the order of the search.
 */
import type { SourceId } from '../../sources/source-id'
import type { Summary } from '../../sources/summary'
import { activate } from './activate'
import { activationError } from './activation-error'
import { activeIn, findCandidate, generalizeConflicting, type BacktrackFrame } from './backtracking'
import { ConflictCache, type ActiveAge, type ConflictMap } from './conflicts'
import { comparePackageIds, summaryId, summaryKey } from './package-keys'
import type { RegistryQueryer } from './registry-queryer'
import { RemainingCandidates } from './remaining-candidates'
import { RemainingDeps, type DepsFrame } from './remaining-deps'
import type { SourceDescription } from './resolve-types'
import { ResolverContext } from './resolver-context'

export interface LoopOptions {
  readonly queryer: RegistryQueryer
  readonly describeSource?: (id: SourceId) => SourceDescription
}

/**
 * Whether the cache already knows the new frame will fail: one of its dependencies cannot be
 * resolved with what is active, or a pending dependency cannot once `pid` is. The reasons are
 * added to `conflicting` (cargo's `has_past_conflicting_dep`).
 */
function knownToFail(
  frame: DepsFrame,
  pid: string,
  active: ActiveAge,
  past: ConflictCache,
  remaining: RemainingDeps,
  conflicting: ConflictMap
): boolean {
  for (const sibling of frame.siblings) {
    const known = past.findConflicting(sibling.dep, active)
    if (!known) continue
    for (const [k, r] of known) if (k !== pid) conflicting.set(k, r)
    return true
  }
  const related = past.dependenciesConflictingWith(pid)
  if (!related) return false
  for (const { parent, dep } of remaining.pending()) {
    if (!related.has(dep.key)) continue
    const known = past.findConflicting(dep, active, pid)
    if (!known) continue
    for (const [k, r] of known) if (k !== pid) conflicting.set(k, r)
    // "this dependency fails while that one is pending" is stored as "…while its parent is active".
    conflicting.set(summaryKey(parent), known.get(pid)!)
    return true
  }
  return false
}

/** Resolves from the workspace members (every feature, dev-dependencies included). */
export async function activateDepsLoop(
  roots: readonly Summary[],
  options: LoopOptions
): Promise<ResolverContext> {
  const { queryer } = options
  let cx = new ResolverContext()
  const backtrackStack: BacktrackFrame[] = []
  let remaining = new RemainingDeps()
  const order = (a: string, b: string) =>
    comparePackageIds(summaryId(queryer.known.get(a)!), summaryId(queryer.known.get(b)!))
  const past = new ConflictCache(order)

  for (const root of roots) {
    queryer.remember(root)
    const activated = await activate(cx, queryer, undefined, root, { type: 'all' }, true)
    if (activated.type === 'frame') remaining.push(activated.frame)
  }

  let ticks = 0
  for (let next = remaining.popMostConstrained(); next; next = remaining.popMostConstrained()) {
    if (++ticks % 64 === 0) {
      queryer.checkAborted()
      // Let a cancel (and the UI) in during long searches that never wait on a source.
      await new Promise((r) => setImmediate(r))
    }
    let parent = next.parent
    let { dep, features } = next.info
    const candidates = next.info.candidates
    const justHere =
      next.justForErrorMessages && past.findConflicting(dep, activeIn(cx, queryer)) !== undefined
    let remainingCandidates = new RemainingCandidates(candidates)
    let conflicting: ConflictMap = new Map()
    let backtracked = false

    for (;;) {
      let step = remainingCandidates.next(conflicting, cx)
      if (!step) {
        let generalized: ConflictMap | undefined
        if (!justHere && !backtracked) {
          past.insert(dep, conflicting)
          generalized = generalizeConflicting(cx, queryer, past, parent, dep, conflicting)
        }
        const found = findCandidate(
          cx,
          queryer,
          backtrackStack,
          parent,
          backtracked,
          generalized ?? conflicting
        )
        if (!found) throw await activationError({ ...options, cx }, parent, dep, conflicting, candidates)
        const frame = found.frame
        cx = frame.context
        remaining = frame.remainingDeps
        remainingCandidates = frame.remainingCandidates
        parent = frame.parent
        dep = frame.dep
        features = frame.features
        conflicting = frame.conflicting
        backtracked = true
        step = { candidate: found.candidate, hasAnother: found.hasAnother }
      }
      const { candidate, hasAnother } = step
      if (justHere && !backtracked && hasAnother) continue

      const backtrack: BacktrackFrame | undefined = hasAnother
        ? {
            context: cx.clone(),
            remainingDeps: remaining.clone(),
            remainingCandidates: remainingCandidates.clone(),
            parent,
            dep,
            features,
            conflicting: new Map(conflicting)
          }
        : undefined

      const pid = summaryKey(candidate)
      let activated: boolean
      const result = await activate(
        cx,
        queryer,
        { summary: parent, dep },
        candidate,
        { type: 'dep', features, defaultFeatures: dep.defaultFeatures },
        false
      )
      if (result.type === 'already-active') activated = true
      else if (result.type === 'conflict') {
        conflicting.set(result.pkg, result.reason)
        activated = false
      } else {
        const frame = result.frame
        const hasPastConflictingDep =
          justHere || knownToFail(frame, pid, activeIn(cx, queryer), past, remaining, conflicting)
        // Known to fail: keep going only if nothing else could be tried (for the error message).
        const forErrorMessage =
          hasPastConflictingDep &&
          !hasAnother &&
          (justHere ||
            findCandidate(cx, queryer, [...backtrackStack], parent, backtracked, conflicting) === undefined)
        if (forErrorMessage) backtrackStack.length = 0
        activated = !hasPastConflictingDep || forErrorMessage
        if (activated) remaining.push({ ...frame, justForErrorMessages: hasPastConflictingDep })
      }
      if (activated) {
        if (backtrack) backtrackStack.push(backtrack)
        break
      }
      if (backtrack) cx = backtrack.context
    }
  }
  return cx
}
