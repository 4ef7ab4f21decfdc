/**
 * The candidates left for one dependency (cargo's `RemainingCandidates`): skips versions whose
 * `links` name or activation slot is taken by another package, noting the culprit in the
 * conflict map, and peeks one ahead so the caller knows whether a backtrack point is worth
 * keeping.
 */
import type { Summary } from '../../sources/summary'
import type { ConflictMap } from './conflicts'
import { summaryKey, summarySlot } from './package-keys'
import type { ResolverContext } from './resolver-context'

export class RemainingCandidates {
  constructor(
    private readonly candidates: readonly Summary[],
    private index = 0,
    private hasAnother: Summary | undefined = undefined
  ) {}

  clone(): RemainingCandidates {
    return new RemainingCandidates(this.candidates, this.index, this.hasAnother)
  }

  /** The next candidate `cx` allows, and whether another one follows; undefined when exhausted. */
  next(
    conflicting: ConflictMap,
    cx: ResolverContext
  ): { candidate: Summary; hasAnother: boolean } | undefined {
    while (this.index < this.candidates.length) {
      const b = this.candidates[this.index++]!
      const bKey = summaryKey(b)
      if (b.links !== undefined) {
        const holder = cx.links.get(b.links)
        if (holder !== undefined && holder !== bKey) {
          if (!conflicting.has(holder)) conflicting.set(holder, { type: 'links', links: b.links })
          continue
        }
      }
      const active = cx.activations.get(summarySlot(b))
      if (active) {
        const aKey = summaryKey(active.summary)
        if (aKey !== bKey) {
          if (!conflicting.has(aKey)) conflicting.set(aKey, { type: 'semver' })
          continue
        }
      }
      const previous = this.hasAnother
      this.hasAnother = b
      if (previous) return { candidate: previous, hasAnother: true }
    }
    const last = this.hasAnother
    this.hasAnother = undefined
    return last ? { candidate: last, hasAnother: false } : undefined
  }
}
