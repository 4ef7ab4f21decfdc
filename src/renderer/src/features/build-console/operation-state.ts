/**
 * What the console knows about one build or run, folded from the `OperationEvent` stream.
 * Pure, so it can live in react-query's cache (no second store) and be tested without a DOM.
 */
import { assertNever } from '@shared/assert-never'
import type { AppError } from '@shared/ipc/result'
import type {
  OperationEvent,
  OperationKind,
  OutputSource,
  UnitSummary,
  MessageLevel
} from '@shared/models/build'
import type { Diagnostic, DiagnosticLevel } from '@shared/models/diagnostic'
import { appendOutput } from './append-output'
import { draftUnitRecords, unitOfDiagnostic, type UnitRecord } from './model/unit-records'
import { applyTestEvents, initialTestRunState, type TestRunState } from '../test-report/model/test-run-state'

/** One rendered entry of the console; `id` is stable so React can key and the list can scroll to it. */
export type ConsoleLine =
  | {
      readonly kind: 'status'
      readonly id: number
      readonly verb: string
      readonly detail: string
      readonly warning: boolean
    }
  | {
      readonly kind: 'output'
      readonly id: number
      readonly source: OutputSource
      readonly stream: 'stdout' | 'stderr'
      readonly text: string
      /** The text did not end in a newline yet; the next chunk of the same stream continues it. */
      readonly open: boolean
      /** The open text ended in `\r`: the next chunk redraws the line instead of extending it. */
      readonly pendingReturn?: true
    }
  | {
      readonly kind: 'diagnostic'
      readonly id: number
      readonly diagnosticId: number
      readonly level: DiagnosticLevel
      readonly text: string
    }
  | { readonly kind: 'note'; readonly id: number; readonly tone: 'error' | 'info'; readonly text: string }
  | { readonly kind: 'message'; readonly id: number; readonly level: MessageLevel; readonly text: string }

export interface OperationResult {
  readonly success: boolean
  readonly elapsedMs: number
  readonly error?: AppError
}

export interface OperationState {
  readonly operationId: string
  readonly kind?: OperationKind
  /** Renderer clock when we first heard of the operation, for the live elapsed time. */
  readonly startedAt: number
  readonly lines: readonly ConsoleLine[]
  readonly nextLineId: number
  /** Lines dropped from the front to keep the console fast on enormous outputs. */
  readonly droppedLines: number
  /** Undefined until the plan arrives; progress is indeterminate until then. */
  readonly units?: readonly UnitSummary[]
  readonly runningUnitIds: readonly string[]
  readonly finishedUnits: number
  readonly failedUnits: number
  /** Per unit id: times, outcome, rebuild reason and output, for the timeline. */
  readonly unitRecords: ReadonlyMap<string, UnitRecord>
  /** The latest `at` of any unit event: the engine's clock is at least this far along. */
  readonly latestAt: number
  readonly diagnostics: readonly Diagnostic[]
  readonly errorCount: number
  readonly warningCount: number
  readonly exit?: { readonly exitCode: number | null; readonly signal: string | null }
  readonly result?: OperationResult
  /**
   * The test results panel's state, folded from the same batches for a test run, and for an
   * operation of unknown kind: its events can arrive before the handle says it is a test run.
   */
  readonly tests?: TestRunState
}

/** Beyond this many lines the oldest are dropped; rustc floods are rarely read from the top. */
export const MAX_CONSOLE_LINES = 20_000

export function initialOperationState(
  operationId: string,
  startedAt: number,
  kind?: OperationKind
): OperationState {
  return {
    operationId,
    ...(kind ? { kind } : {}),
    startedAt,
    lines: [],
    nextLineId: 0,
    droppedLines: 0,
    runningUnitIds: [],
    finishedUnits: 0,
    failedUnits: 0,
    unitRecords: new Map(),
    latestAt: 0,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0
  }
}

export function isRunning(state: OperationState | undefined): boolean {
  return state !== undefined && state.result === undefined
}

/**
 * rustc's closing summaries ("aborting due to 2 previous errors", "For more information about
 * an error, try `rustc --explain`") stay in the console but are not problems to list or count.
 */
export function isSummaryDiagnostic(d: Diagnostic): boolean {
  if (d.level === 'failure-note') return true
  return (
    d.location === undefined && /^(aborting due to|\d+ warnings? emitted|could not compile)/.test(d.message)
  )
}

/** A plain rendering for diagnostics that arrive without rustc's own. */
function renderDiagnostic(d: Diagnostic): string {
  const head = `${d.level}${d.code ? `[${d.code}]` : ''}: ${d.message}`
  const where = d.location ? `\n  --> ${d.location.file}:${d.location.line}:${d.location.column}` : ''
  return head + where
}

/** Applies one event; see `applyEvents` for the batched form the subscription uses. */
export function reduceOperation(state: OperationState, event: OperationEvent): OperationState {
  return applyEvents(state, [event])
}

/** Folds a batch, copying the big arrays once per batch rather than once per event. */
export function applyEvents(state: OperationState, events: readonly OperationEvent[]): OperationState {
  if (events.length === 0) return state
  const lines = [...state.lines]
  const diagnostics = [...state.diagnostics]
  let running = [...state.runningUnitIds]
  let next: OperationState = state
  let nextLineId = state.nextLineId
  let latestAt = state.latestAt
  const records = draftUnitRecords(state.unitRecords)
  let unitsById: Map<string, UnitSummary> | undefined
  const push = (line: DistributiveOmit<ConsoleLine, 'id'>): void => {
    lines.push({ ...line, id: nextLineId++ })
  }
  for (const event of events) {
    switch (event.type) {
      case 'planned':
        next = { ...next, units: event.units }
        unitsById = undefined
        break
      case 'unit-started':
        if (!running.includes(event.unitId)) running.push(event.unitId)
        records.started(event.unitId, event.at, event.reason)
        latestAt = Math.max(latestAt, event.at)
        break
      case 'unit-metadata':
        records.metadata(event.unitId, event.at)
        latestAt = Math.max(latestAt, event.at)
        break
      case 'unit-finished':
        running = running.filter((id) => id !== event.unitId)
        records.finished(event.unitId, event.at, event.outcome)
        latestAt = Math.max(latestAt, event.at)
        next = {
          ...next,
          finishedUnits: next.finishedUnits + 1,
          failedUnits: next.failedUnits + (event.outcome === 'failed' ? 1 : 0)
        }
        break
      case 'status':
        // -v detail: a command belongs to its unit's details, a fresh package to the timeline.
        if (event.verb === 'Running' && event.verbose && event.unitId)
          records.command(event.unitId, event.detail)
        if (event.verbose && event.verb !== 'Dirty') break
        push({ kind: 'status', verb: event.verb, detail: event.detail, warning: event.warning ?? false })
        break
      case 'diagnostic': {
        const d = event.diagnostic
        diagnostics.push(d)
        unitsById ??= new Map((next.units ?? []).map((u) => [u.id, u]))
        const unitId = unitOfDiagnostic(d, running, unitsById)
        if (unitId !== undefined) records.diagnostic(unitId, d.id)
        if (!isSummaryDiagnostic(d)) {
          if (d.level === 'error' || d.level === 'ice') next = { ...next, errorCount: next.errorCount + 1 }
          if (d.level === 'warning') next = { ...next, warningCount: next.warningCount + 1 }
        }
        push({
          kind: 'diagnostic',
          diagnosticId: d.id,
          level: d.level,
          text: (d.rendered ?? renderDiagnostic(d)).trimEnd()
        })
        break
      }
      case 'message':
        push({ kind: 'message', level: event.level, text: event.text })
        if (event.unitId !== undefined)
          records.log(event.unitId, { kind: 'message', level: event.level, text: event.text })
        break
      case 'output':
        nextLineId = appendOutput(lines, nextLineId, event.source, event.stream, event.text)
        if (event.unitId !== undefined)
          records.log(event.unitId, { kind: 'output', stream: event.stream, text: event.text })
        break
      // The test panel reads these; the console log has nothing to add.
      case 'test-result':
      case 'test-suite-finished':
        break
      case 'program-exited':
        next = { ...next, exit: { exitCode: event.exitCode, signal: event.signal } }
        break
      case 'finished':
        running = []
        next = {
          ...next,
          result: event.error
            ? { success: event.success, elapsedMs: event.elapsedMs, error: event.error }
            : { success: event.success, elapsedMs: event.elapsedMs }
        }
        if (!event.success && event.error && event.error.code !== 'cancelled')
          push({ kind: 'note', tone: 'error', text: `error: ${event.error.message}` })
        break
      default:
        assertNever(event, 'operation event')
    }
  }
  const overflow = Math.max(0, lines.length - MAX_CONSOLE_LINES)
  if (overflow > 0) lines.splice(0, overflow)
  return {
    ...next,
    lines,
    nextLineId,
    droppedLines: state.droppedLines + overflow,
    diagnostics,
    runningUnitIds: running,
    unitRecords: records.result(),
    latestAt,
    ...(next.kind === 'build' || next.kind === 'run'
      ? {}
      : { tests: applyTestEvents(state.tests ?? initialTestRunState(), events) })
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
