/**
 * The work list (cargo's `RemainingDeps`): frames of dependencies still to activate, one per
 * activated package. The next dependency comes from the frame whose next dependency has the
 * fewest candidates (frames kept only for error messages first, then oldest first), so tightly
 * constrained parts of the graph are settled before the loose ones. Frames are immutable and
 * the list is a sorted array, so a backtrack point copies it cheaply.
 */
import type { Summary } from '../../sources/summary'
import type { Dep } from './dependency'
import type { DepInfo } from './registry-queryer'

export interface DepsFrame {
  readonly parent: Summary
  readonly justForErrorMessages: boolean
  readonly siblings: readonly DepInfo[]
  readonly offset: number
}

interface Entry {
  readonly frame: DepsFrame
  readonly time: number
}

const minCandidates = (f: DepsFrame): number => f.siblings[f.offset]?.candidates.length ?? 0

function compare(a: Entry, b: Entry): number {
  if (a.frame.justForErrorMessages !== b.frame.justForErrorMessages)
    return a.frame.justForErrorMessages ? -1 : 1
  return minCandidates(a.frame) - minCandidates(b.frame) || a.time - b.time
}

export interface NextDep {
  readonly justForErrorMessages: boolean
  readonly parent: Summary
  readonly info: DepInfo
}

export class RemainingDeps {
  /** Sorted from the last to be taken to the next one (so the next is `pop()`ed). */
  private entries: Entry[]
  private time: number

  constructor(from?: RemainingDeps) {
    this.entries = from ? from.entries.slice() : []
    this.time = from?.time ?? 0
  }

  clone(): RemainingDeps {
    return new RemainingDeps(this)
  }

  private insert(entry: Entry): void {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compare(this.entries[mid]!, entry) > 0) lo = mid + 1
      else hi = mid
    }
    this.entries.splice(lo, 0, entry)
  }

  push(frame: DepsFrame): void {
    this.insert({ frame, time: this.time++ })
  }

  /** Takes the most constrained dependency left, or undefined when everything is activated. */
  popMostConstrained(): NextDep | undefined {
    for (;;) {
      const entry = this.entries.pop()
      if (!entry) return undefined
      const { frame } = entry
      const info = frame.siblings[frame.offset]
      if (!info) continue
      this.insert({ frame: { ...frame, offset: frame.offset + 1 }, time: entry.time })
      return { justForErrorMessages: frame.justForErrorMessages, parent: frame.parent, info }
    }
  }

  /** Every dependency still waiting, with the package that declares it. */
  *pending(): Generator<{ readonly parent: Summary; readonly dep: Dep }> {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const { frame } = this.entries[i]!
      for (let j = frame.offset; j < frame.siblings.length; j++)
        yield { parent: frame.parent, dep: frame.siblings[j]!.dep }
    }
  }
}
