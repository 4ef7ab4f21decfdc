/**
 * How long the rest of a build may take. A guess from what this build has shown so far:
 *
 * - a unit costs the mean time of the units that finished (fresh ones count as the near-zero
 *   they took, so a mostly fresh build expects little work);
 * - each queued unit costs that mean; a running unit the mean minus what it already ran;
 * - the work runs as parallel as it has so far (busy unit-time over wall time since the first
 *   start), but never on more lanes than units are left.
 *
 * Nothing is said until a few units finished: the first ones are too few to average.
 */
import type { UnitSummary } from '@shared/models/build'
import type { UnitRecord } from './unit-records'

/** Fewer finished units than this are too few to average. */
export const MIN_FINISHED_FOR_ESTIMATE = 3

/** Milliseconds left, or undefined while there is not enough to go on (or nothing left). */
export function estimateRemainingMs(
  units: readonly UnitSummary[],
  records: ReadonlyMap<string, UnitRecord>,
  now: number
): number | undefined {
  let finished = 0
  let finishedTime = 0
  let queued = 0
  let firstStart = Infinity
  let busy = 0
  const running: number[] = []
  for (const u of units) {
    const r = records.get(u.id)
    const start = r?.startedAt
    if (start !== undefined) {
      firstStart = Math.min(firstStart, start)
      busy += Math.max(0, Math.min(r?.finishedAt ?? now, now) - start)
    }
    const outcome = r?.outcome
    if (outcome === 'done' || outcome === 'failed' || outcome === 'fresh') {
      finished++
      finishedTime += start !== undefined && r?.finishedAt !== undefined ? r.finishedAt - start : 0
    } else if (outcome === undefined) {
      if (start === undefined) queued++
      else running.push(Math.max(0, now - start))
    }
    // Skipped and cancelled units will not run again: no cost.
  }
  if (finished < MIN_FINISHED_FOR_ESTIMATE || queued + running.length === 0) return undefined
  const mean = Math.max(0, finishedTime) / finished
  const work = queued * mean + running.reduce((sum, ran) => sum + Math.max(0, mean - ran), 0)
  const wall = now - firstStart
  const parallelism = wall > 0 ? Math.max(1, busy / wall) : 1
  return work / Math.min(parallelism, queued + running.length)
}

/** "a few seconds left", "about 25s left", "about 3 min left": an estimate, not a stopwatch. */
export function formatRemaining(ms: number): string {
  const secs = ms / 1000
  if (secs < 5) return 'a few seconds left'
  if (secs < 60) return `about ${Math.ceil(secs / 5) * 5}s left`
  return `about ${Math.round(secs / 60)} min left`
}
