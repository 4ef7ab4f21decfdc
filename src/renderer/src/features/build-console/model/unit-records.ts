/**
 * What the timeline and the unit details know about each unit: when it started, when its
 * metadata was ready, how it ended, why it rebuilt, and what it printed. Folded per batch
 * with copy-on-write, so a batch copies the map once and each touched record once.
 */
import type { MessageLevel, UnitOutcome, UnitSummary } from '@shared/models/build'
import type { Diagnostic } from '@shared/models/diagnostic'

/** Something a unit printed (rustc's non-JSON stderr, a build command's output) or cargo said about it. */
export type UnitLogEntry =
  | { readonly kind: 'output'; readonly stream: 'stdout' | 'stderr'; readonly text: string }
  | { readonly kind: 'message'; readonly level: MessageLevel; readonly text: string }

/** Times are milliseconds since the build started, on the engine's clock. */
export interface UnitRecord {
  readonly startedAt?: number
  /** Its .rmeta was ready: from here on, pipelined dependents may run beside it. */
  readonly metadataAt?: number
  readonly finishedAt?: number
  readonly outcome?: UnitOutcome
  /** Why it ran again; absent for a first build or an engine that does not say. */
  readonly reason?: string
  /** The command it ran, as cargo -v shows it (`rustc --crate-name …`). */
  readonly command?: string
  /** Diagnostics rustc reported while compiling it (ids into `OperationState.diagnostics`). */
  readonly diagnosticIds: readonly number[]
  readonly log: readonly UnitLogEntry[]
  /** Characters dropped from the front of the log to keep it small. */
  readonly droppedChars: number
}

/** Per unit, a build script's or make's chatter beyond this is cut from the front. */
export const MAX_UNIT_LOG_CHARS = 64_000

/** A unit nothing was heard about yet. */
export const EMPTY_UNIT_RECORD: UnitRecord = { diagnosticIds: [], log: [], droppedChars: 0 }

interface DraftRecord {
  startedAt?: number
  metadataAt?: number
  finishedAt?: number
  outcome?: UnitOutcome
  reason?: string
  command?: string
  diagnosticIds: number[]
  log: UnitLogEntry[]
  logChars: number
  droppedChars: number
}

/** The mutable side of one batch's fold; `result()` hands back a new map only if something changed. */
export interface UnitRecordsDraft {
  started(unitId: string, at: number, reason: string | undefined): void
  metadata(unitId: string, at: number): void
  command(unitId: string, command: string): void
  finished(unitId: string, at: number, outcome: UnitOutcome): void
  log(unitId: string, entry: UnitLogEntry): void
  diagnostic(unitId: string, diagnosticId: number): void
  result(): ReadonlyMap<string, UnitRecord>
}

/** Starts one batch's edits over the records of the state before it. */
export function draftUnitRecords(base: ReadonlyMap<string, UnitRecord>): UnitRecordsDraft {
  const touched = new Map<string, DraftRecord>()
  const edit = (unitId: string): DraftRecord => {
    let draft = touched.get(unitId)
    if (!draft) {
      const old = base.get(unitId) ?? EMPTY_UNIT_RECORD
      draft = {
        ...old,
        diagnosticIds: [...old.diagnosticIds],
        log: [...old.log],
        logChars: old.log.reduce((n, e) => n + e.text.length, 0)
      }
      touched.set(unitId, draft)
    }
    return draft
  }
  return {
    started(unitId, at, reason) {
      const r = edit(unitId)
      r.startedAt = at
      if (reason !== undefined) r.reason = reason
    },
    command(unitId, command) {
      edit(unitId).command = command
    },
    metadata(unitId, at) {
      // Ready is ready: a second report (the engine may repeat it when rustc exits) changes nothing.
      const r = edit(unitId)
      r.metadataAt ??= at
    },
    finished(unitId, at, outcome) {
      const r = edit(unitId)
      r.finishedAt = at
      r.outcome = outcome
    },
    log(unitId, entry) {
      appendLog(edit(unitId), entry)
    },
    diagnostic(unitId, diagnosticId) {
      edit(unitId).diagnosticIds.push(diagnosticId)
    },
    result() {
      if (touched.size === 0) return base
      const next = new Map(base)
      for (const [id, { logChars: _chars, ...record }] of touched) next.set(id, record)
      return next
    }
  }
}

/** Consecutive output of one stream joins one entry, so a chatty unit stays a few entries long. */
function appendLog(r: DraftRecord, entry: UnitLogEntry): void {
  if (entry.text === '') return
  const last = r.log[r.log.length - 1]
  if (entry.kind === 'output' && last?.kind === 'output' && last.stream === entry.stream)
    r.log[r.log.length - 1] = { ...last, text: last.text + entry.text }
  else r.log.push(entry)
  r.logChars += entry.text.length
  // Trimmed to three quarters of the limit, so a flood trims once per many chunks, not on each.
  if (r.logChars <= MAX_UNIT_LOG_CHARS) return
  let excess = r.logChars - Math.floor((MAX_UNIT_LOG_CHARS * 3) / 4)
  r.droppedChars += excess
  r.logChars -= excess
  while (excess > 0) {
    const first = r.log[0]
    if (!first) break
    if (first.text.length <= excess) {
      excess -= first.text.length
      r.log.shift()
    } else {
      r.log[0] = { ...first, text: first.text.slice(excess) }
      excess = 0
    }
  }
}

/**
 * The unit a diagnostic belongs to. Diagnostics name their package and target but not their
 * unit, so it is the running unit compiling that target (the first, if a target is built for
 * both the host and the target at once).
 */
export function unitOfDiagnostic(
  d: Diagnostic,
  runningUnitIds: readonly string[],
  unitsById: ReadonlyMap<string, UnitSummary>
): string | undefined {
  if (d.packageName === undefined) return undefined
  return runningUnitIds.find((id) => {
    const u = unitsById.get(id)
    return u !== undefined && u.packageName === d.packageName && u.targetName === d.targetName
  })
}
