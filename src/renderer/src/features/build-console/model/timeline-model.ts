/**
 * The build timeline as data: one row per planned unit with its state, its bar (start,
 * metadata, end) and a text alternative. Pure, so the view only draws and the rules are tested.
 */
import { formatElapsed } from '@shared/format/status'
import type { UnitKind, UnitSummary } from '@shared/models/build'
import { EMPTY_UNIT_RECORD, type UnitRecord } from './unit-records'

/**
 * `not-started`: the operation ended before the unit could start (a failure elsewhere, or
 * cancel). A unit still running when the operation ended counts as `cancelled`.
 */
export type UnitState =
  'queued' | 'running' | 'done' | 'fresh' | 'failed' | 'skipped' | 'cancelled' | 'not-started'

/** One unit as the timeline draws and announces it. */
export interface TimelineRow {
  readonly unit: UnitSummary
  /** Position in the plan: stable, so it names the row's DOM id. */
  readonly planIndex: number
  readonly label: string
  readonly state: UnitState
  /** Bar start, metadata point and end, in ms since the build started; no start means no bar. */
  readonly start?: number
  readonly metadata?: number
  readonly end?: number
  readonly record: UnitRecord
  /** What a screen reader says for the row: name, state, duration, metadata, reason. */
  readonly description: string
}

const KIND_LABELS: Record<UnitKind, string> = {
  lib: 'lib',
  bin: 'bin',
  example: 'example',
  test: 'test',
  bench: 'bench',
  'custom-build': 'build script',
  'run-custom-build': 'build script run',
  'build-command': 'build command'
}

/** "serde v1.0.0 (lib serde)"; build steps have no target of their own to name. */
export function unitLabel(u: UnitSummary): string {
  const kind = KIND_LABELS[u.kind]
  const what =
    u.kind === 'custom-build' || u.kind === 'run-custom-build' || u.kind === 'build-command'
      ? kind
      : `${kind} ${u.targetName}`
  return `${u.packageName} v${u.packageVersion} (${what})`
}

/** Where a unit stands; only the end of the operation turns a waiting or running unit final. */
export function unitState(record: UnitRecord | undefined, operationEnded: boolean): UnitState {
  if (record?.outcome) return record.outcome
  if (record?.startedAt !== undefined) return operationEnded ? 'cancelled' : 'running'
  return operationEnded ? 'not-started' : 'queued'
}

/** States in words, for the details and the row's text alternative. */
export const STATE_LABELS: Record<UnitState, string> = {
  queued: 'queued',
  running: 'running',
  done: 'done',
  fresh: 'fresh',
  failed: 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
  'not-started': 'not started'
}

function describeRow(
  label: string,
  u: UnitSummary,
  state: UnitState,
  r: UnitRecord,
  start: number | undefined,
  end: number | undefined
): string {
  const parts = [u.forHost ? `${label} host build` : label]
  const took = start !== undefined && end !== undefined ? formatElapsed(Math.max(0, end - start)) : undefined
  switch (state) {
    case 'queued':
    case 'not-started':
      parts.push(STATE_LABELS[state])
      break
    case 'running':
      parts.push(took ? `running for ${took}` : 'running')
      break
    case 'done':
    case 'failed':
    case 'cancelled':
      parts.push(took ? `${state} in ${took}` : state)
      break
    case 'fresh':
      parts.push('fresh, up to date')
      break
    case 'skipped':
      parts.push('skipped, a dependency failed')
      break
  }
  if (r.startedAt !== undefined) parts.push(`started at ${formatElapsed(r.startedAt)}`)
  if (r.metadataAt !== undefined && r.startedAt !== undefined)
    parts.push(`metadata ready after ${formatElapsed(Math.max(0, r.metadataAt - r.startedAt))}`)
  if (r.reason) parts.push(`rebuilt because ${r.reason}`)
  return parts.join(', ')
}

/**
 * One row per planned unit: started units in the order they started (a waterfall, so
 * pipelining shows), then the rest in plan order. `now` (engine clock) ends running bars.
 */
export function timelineRows(
  units: readonly UnitSummary[],
  records: ReadonlyMap<string, UnitRecord>,
  now: number,
  operationEnded: boolean,
  latestAt: number
): readonly TimelineRow[] {
  const rows = units.map((unit, planIndex): TimelineRow => {
    const record = records.get(unit.id) ?? EMPTY_UNIT_RECORD
    const state = unitState(record, operationEnded)
    // A unit reported only as finished (fresh, skipped) is a point at that moment.
    const start = record.startedAt ?? record.finishedAt
    const end =
      record.finishedAt ??
      (start === undefined ? undefined : Math.max(start, operationEnded ? latestAt : now))
    const label = unitLabel(unit)
    return {
      unit,
      planIndex,
      label,
      state,
      ...(start !== undefined ? { start } : {}),
      ...(record.metadataAt !== undefined ? { metadata: record.metadataAt } : {}),
      ...(end !== undefined ? { end } : {}),
      record,
      description: describeRow(label, unit, state, record, start, end)
    }
  })
  return rows.sort((a, b) => {
    if (a.start !== undefined && b.start !== undefined) return a.start - b.start || a.planIndex - b.planIndex
    if (a.start !== undefined) return -1
    if (b.start !== undefined) return 1
    return a.planIndex - b.planIndex
  })
}

/** The axis runs to the last bar's end, or to now while running; never zero wide. */
export function timelineSpan(rows: readonly TimelineRow[], now: number, operationEnded: boolean): number {
  let end = operationEnded ? 0 : now
  for (const r of rows) if (r.end !== undefined && r.end > end) end = r.end
  return Math.max(end, 1)
}

const STEPS_MS = [100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000]

/** Round tick positions (0, 5s, 10s …) so that at most `maxTicks` fit the span. */
export function axisTicks(span: number, maxTicks: number): readonly number[] {
  const wanted = span / Math.max(1, maxTicks)
  const step = STEPS_MS.find((s) => s >= wanted) ?? Math.ceil(wanted / 600_000) * 600_000
  const ticks: number[] = []
  for (let t = 0; t <= span; t += step) ticks.push(t)
  return ticks
}

/** Tick labels: "0s", "0.5s", "30s", "2m", "2m 30s". */
export function formatTick(ms: number): string {
  if (ms % 1000 !== 0) return `${(ms / 1000).toFixed(1)}s`
  const secs = ms / 1000
  if (secs < 60) return `${secs}s`
  const m = Math.floor(secs / 60)
  const s = secs % 60
  return s === 0 ? `${m}m` : `${m}m ${s}s`
}
