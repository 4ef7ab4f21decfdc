/**
 * The drain loop: start every unit whose dependencies are far enough along, never more than
 * `jobs` at once. A library's dependents may start as soon as its metadata (.rmeta) exists,
 * which is cargo's pipelining. After a failure nothing new starts (unless keep-going), and
 * dependents of a failed unit never run. Ready units start in cargo's order: the one most units
 * wait on (transitively) first and, among equals, the one that became ready last.
 */
import type { Unit } from './unit'

export type JobResult = 'done' | 'failed' | 'cancelled'

export interface QueueOptions {
  readonly jobs: number
  readonly keepGoing: boolean
  readonly signal?: AbortSignal
  /** Runs one unit; calls `metadataReady` when dependents that only need metadata may start. */
  readonly execute: (unit: Unit, metadataReady: () => void) => Promise<JobResult>
  /** Told about units that will never run because a dependency failed. */
  readonly onSkipped?: (unit: Unit) => void
}

export interface QueueOutcome {
  readonly success: boolean
  readonly cancelled: boolean
  readonly failed: readonly Unit[]
}

type State = 'waiting' | 'running' | 'metadata' | 'done' | 'failed' | 'skipped'

export function runQueue(units: readonly Unit[], o: QueueOptions): Promise<QueueOutcome> {
  const state = new Map<Unit, State>(units.map((u) => [u, 'waiting']))
  const failed: Unit[] = []
  let running = 0
  let stopping = false

  // Linking needs every upstream object, not just the direct dependency's: a library built
  // against its dependencies' metadata leaves them to be linked by whoever links it (cargo's
  // `depend_on_deps_of_deps`).
  const upstream = new Map<Unit, readonly Unit[]>()
  const closure = (u: Unit): readonly Unit[] => {
    let found = upstream.get(u)
    if (!found) {
      const all = new Set<Unit>()
      for (const d of u.deps) {
        all.add(d.unit)
        for (const t of closure(d.unit)) all.add(t)
      }
      found = [...all]
      upstream.set(u, found)
    }
    return found
  }
  // cargo's priority: how many units (itself included) cannot finish before this one does.
  const priority = new Map<Unit, number>(units.map((u) => [u, 1]))
  for (const u of units) for (const t of closure(u)) priority.set(t, (priority.get(t) ?? 1) + 1)
  const index = new Map<Unit, number>(units.map((u, i) => [u, i]))
  // When each unit could first start: cargo takes the newest of equally urgent units first.
  const readySince = new Map<Unit, number>()
  let pumps = 0
  const startOrder = (a: Unit, b: Unit) =>
    priority.get(b)! - priority.get(a)! ||
    readySince.get(b)! - readySince.get(a)! ||
    index.get(a)! - index.get(b)!

  const satisfied = (u: Unit) =>
    u.deps.every((d) => {
      const s = state.get(d.unit)
      if (d.needs === 'metadata') return s === 'done' || s === 'metadata'
      return s === 'done' && closure(d.unit).every((t) => state.get(t) === 'done')
    })
  const broken = (t: Unit) => state.get(t) === 'failed' || state.get(t) === 'skipped'
  const doomed = (u: Unit) =>
    u.deps.some((d) => broken(d.unit) || (d.needs !== 'metadata' && closure(d.unit).some(broken)))

  return new Promise((resolve) => {
    const finishIfIdle = () => {
      if (running > 0) return
      const cancelled = o.signal?.aborted ?? false
      const stuck = [...state.values()].some((s) => s === 'waiting')
      resolve({ success: failed.length === 0 && !cancelled && !stuck, cancelled, failed })
    }
    const pump = () => {
      if (o.signal?.aborted) stopping = true
      let progressed = true
      while (progressed) {
        progressed = false
        for (const u of units) {
          if (state.get(u) !== 'waiting') continue
          if (doomed(u)) {
            state.set(u, 'skipped')
            o.onSkipped?.(u)
            progressed = true
          }
        }
      }
      if (!stopping) {
        const pass = ++pumps
        const ready: Unit[] = []
        for (const u of units) {
          if (state.get(u) !== 'waiting') continue
          if (!readySince.has(u) && satisfied(u)) readySince.set(u, pass)
          if (readySince.has(u)) ready.push(u)
        }
        for (const u of ready.sort(startOrder)) {
          if (running >= o.jobs) break
          start(u)
        }
      }
      finishIfIdle()
    }
    const start = (u: Unit) => {
      state.set(u, 'running')
      running++
      const metadataReady = () => {
        if (state.get(u) === 'running') {
          state.set(u, 'metadata')
          queueMicrotask(pump)
        }
      }
      o.execute(u, metadataReady).then(
        (r) => settle(u, r),
        () => settle(u, 'failed')
      )
    }
    const settle = (u: Unit, r: JobResult) => {
      running--
      if (r === 'done') state.set(u, 'done')
      else {
        state.set(u, 'failed')
        if (r === 'failed') failed.push(u)
        if (!o.keepGoing || r === 'cancelled') stopping = true
      }
      pump()
    }
    o.signal?.addEventListener('abort', () => {
      stopping = true
    })
    pump()
  })
}
