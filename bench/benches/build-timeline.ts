/**
 * Where an in-process build's wall time went, from its own events. Two floors no scheduler can
 * beat: the rustc critical path (the longest chain of units, each taking as long as it took,
 * with unlimited jobs) and the units' summed time shared among `-j` jobs. Wall time above the
 * higher floor is the engine's overhead (resolving, planning, spawning, waiting badly); the time
 * no unit was running at all is the part of it that is plainly the engine's.
 */
import type { UnitSummary } from '@shared/models/build'
import type { EngineEvent } from '../../src/main/engine/compiler/events'

export interface Timeline {
  readonly wallMs: number
  /** Units that ran (not fresh, not skipped). */
  readonly ran: number
  readonly criticalPathMs: number
  /** The units' durations added up. */
  readonly busyMs: number
  /** Before the first unit started: finding rustc, resolving, planning, the build lock. */
  readonly beforeFirstMs: number
  /** Between units, with none running. */
  readonly gapsMs: number
  /** After the last unit finished: the lock, the result. */
  readonly afterLastMs: number
  /** Whether units said when their metadata was ready, so pipelining is in the critical path. */
  readonly pipelined: boolean
}

interface Span {
  readonly start: number
  readonly metadata?: number
  readonly finish: number
}

/**
 * The timeline of one build that took `wallMs`. A library may start once its dependencies'
 * metadata is written (when they report it); anything else links, so it waits for every unit
 * upstream to finish, as the job queue does.
 */
export function timelineOf(events: readonly EngineEvent[], wallMs: number): Timeline {
  const planned = events.find((e) => e.type === 'planned')
  const units: readonly UnitSummary[] = planned?.type === 'planned' ? planned.units : []
  const spans = spansOf(events)
  const byId = new Map(units.map((u) => [u.id, u]))
  const upstream = new Map<string, ReadonlySet<string>>()
  const closure = (id: string): ReadonlySet<string> => {
    let found = upstream.get(id)
    if (!found) {
      const all = new Set<string>()
      for (const d of byId.get(id)?.deps ?? []) {
        all.add(d)
        for (const t of closure(d)) all.add(t)
      }
      upstream.set(id, all)
      found = all
    }
    return found
  }
  // Earliest metadata and finish of each unit with unlimited jobs, in plan order (deps first).
  const earliest = new Map<string, { metadata: number; finish: number }>()
  const finishOf = (id: string) => earliest.get(id)?.finish ?? 0
  let criticalPathMs = 0
  for (const u of units) {
    const span = spans.get(u.id)
    let start = 0
    if (u.kind === 'lib') {
      for (const d of u.deps) start = Math.max(start, earliest.get(d)?.metadata ?? 0)
    } else {
      for (const d of closure(u.id)) start = Math.max(start, finishOf(d))
    }
    const took = span ? span.finish - span.start : 0
    const toMetadata = span?.metadata !== undefined ? span.metadata - span.start : took
    earliest.set(u.id, { metadata: start + toMetadata, finish: start + took })
    criticalPathMs = Math.max(criticalPathMs, start + took)
  }
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start)
  let gapsMs = 0
  let reach = sorted[0]?.start ?? wallMs
  for (const s of sorted) {
    if (s.start > reach) gapsMs += s.start - reach
    reach = Math.max(reach, s.finish)
  }
  return {
    wallMs,
    ran: spans.size,
    criticalPathMs,
    busyMs: [...spans.values()].reduce((sum, x) => sum + x.finish - x.start, 0),
    beforeFirstMs: sorted[0]?.start ?? wallMs,
    gapsMs,
    afterLastMs: sorted.length ? Math.max(0, wallMs - reach) : 0,
    // Without a library among the units that ran, there was nothing to pipeline.
    pipelined:
      events.some((e) => e.type === 'unit-metadata') ||
      !units.some((u) => u.kind === 'lib' && spans.has(u.id))
  }
}

/** Start, metadata and finish times of the units that ran. */
function spansOf(events: readonly EngineEvent[]): Map<string, Span> {
  const started = new Map<string, number>()
  const metadata = new Map<string, number>()
  const spans = new Map<string, Span>()
  for (const e of events) {
    if (e.type === 'unit-started') started.set(e.unitId, e.at)
    else if (e.type === 'unit-metadata') metadata.set(e.unitId, e.at)
    else if (e.type === 'unit-finished') {
      const start = started.get(e.unitId)
      if (start === undefined || e.outcome === 'fresh' || e.outcome === 'skipped') continue
      const meta = metadata.get(e.unitId)
      spans.set(e.unitId, { start, finish: e.at, ...(meta !== undefined ? { metadata: meta } : {}) })
    }
  }
  return spans
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/** One line for the notes: the medians of several runs' timelines, built at `-j jobs`. */
export function describeTimelines(label: string, runs: readonly Timeline[], jobs: number): string {
  if (runs.length === 0) return `${label}: no in-process run to take a timeline from`
  const m = (f: (t: Timeline) => number) => median(runs.map(f))
  const floorOf = (t: Timeline) => Math.max(t.criticalPathMs, t.busyMs / jobs)
  const wall = m((t) => t.wallMs)
  const ran = m((t) => t.ran)
  const tail = ` (medians of ${runs.length} runs)`
  if (ran === 0) return `${label}: wall ${s(wall)}, no unit ran: all of it is the engine's${tail}`
  const over = m((t) => t.wallMs - floorOf(t))
  const idle = m((t) => t.beforeFirstMs + t.gapsMs + t.afterLastMs)
  return (
    `${label}: wall ${s(wall)}; floor ${s(m(floorOf))} = max(rustc critical path ` +
    `${s(m((t) => t.criticalPathMs))}, Σ unit time ${s(m((t) => t.busyMs))} / -j ${jobs}); ` +
    `overhead ${s(over)} (${((100 * over) / Math.max(wall, 1)).toFixed(0)}% of wall), ` +
    `of which no unit running ${s(idle)} (${s(m((t) => t.beforeFirstMs))} before the first, ` +
    `${s(m((t) => t.gapsMs))} between, ${s(m((t) => t.afterLastMs))} after the last); ` +
    `${ran} unit${ran === 1 ? '' : 's'} ran` +
    (runs.every((t) => t.pipelined) ? '' : '; no metadata events, so pipelining is not modelled') +
    tail
  )
}
