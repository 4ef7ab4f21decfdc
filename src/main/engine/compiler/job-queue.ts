/**
 * The drain loop: start every unit whose dependencies are far enough along. A unit first checks
 * whether it is fresh, which takes no job slot (as cargo runs fresh jobs without a token); real
 * work waits for one of `jobs` slots. A library's dependents may start as soon as its metadata
 * (.rmeta) exists, which is cargo's pipelining. After a failure nothing new starts (unless
 * keep-going), and dependents of a failed unit never run. Ready units start, and take slots, in
 * cargo's order: the one most units wait on (transitively) first and, among equals, the one that
 * became ready last.
 */
import type { Unit } from './unit'

export type JobResult = 'done' | 'failed' | 'cancelled'
/** A unit's end as the queue sees it; `not-started`: the queue stopped before it got a slot. */
export type QueueResult = JobResult | 'not-started'

/** At most this many units check their freshness at once (file reads, not rustc). */
const MAX_CHECKS = 64
/** How long free slots wait for checks in flight before going to the units already asking. */
const CHECK_GRACE_MS = 20

export interface QueueOptions {
  readonly jobs: number
  readonly keepGoing: boolean
  readonly signal?: AbortSignal
  /**
   * Runs one unit; calls `metadataReady` when dependents that only need metadata may start. A
   * fresh unit may finish at once; work waits for `slot()`, which resolves false when the queue
   * stops first (the unit then returns `not-started`).
   */
  readonly execute: (
    unit: Unit,
    metadataReady: () => void,
    slot: () => Promise<boolean>
  ) => Promise<QueueResult>
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
  /** Units started and not settled, and how many of them hold a slot. */
  let started = 0
  let slots = 0
  const holders = new Set<Unit>()
  const wanting: { unit: Unit; grant: (ok: boolean) => void }[] = []
  let stopping = false
  let anyBroken = false
  let graceTimer: ReturnType<typeof setTimeout> | undefined
  let graceOver = false

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

  // Once a unit and everything upstream of it are done they stay done: remembered, not re-walked.
  const linkable = new Set<Unit>()
  const allDone = (u: Unit) => {
    if (linkable.has(u)) return true
    const ok = state.get(u) === 'done' && closure(u).every((t) => state.get(t) === 'done')
    if (ok) linkable.add(u)
    return ok
  }
  const satisfied = (u: Unit) =>
    u.deps.every((d) => {
      const s = state.get(d.unit)
      if (d.needs === 'metadata') return s === 'done' || s === 'metadata'
      return allDone(d.unit)
    })
  const broken = (t: Unit) => state.get(t) === 'failed' || state.get(t) === 'skipped'
  const doomed = (u: Unit) =>
    u.deps.some((d) => broken(d.unit) || (d.needs !== 'metadata' && closure(d.unit).some(broken)))

  return new Promise((resolve) => {
    const finishIfIdle = () => {
      if (started > 0) return
      clearTimeout(graceTimer)
      o.signal?.removeEventListener('abort', onAbort)
      const cancelled = o.signal?.aborted ?? false
      const stuck = [...state.values()].some((s) => s === 'waiting')
      resolve({ success: failed.length === 0 && !cancelled && !stuck, cancelled, failed })
    }
    const pump = () => {
      if (o.signal?.aborted) stopping = true
      let progressed = anyBroken
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
      if (stopping) for (const w of wanting.splice(0)) w.grant(false)
      else {
        const pass = ++pumps
        const ready: Unit[] = []
        for (const u of units) {
          if (state.get(u) !== 'waiting') continue
          if (!readySince.has(u) && satisfied(u)) readySince.set(u, pass)
          if (readySince.has(u)) ready.push(u)
        }
        for (const u of ready.sort(startOrder)) {
          if (started - slots >= MAX_CHECKS) break
          start(u)
        }
        // Slots go out once no check is in flight, so a unit that is quicker to check cannot
        // overtake a more urgent one (cargo knows every unit's freshness before it schedules);
        // a slow check (a big package's folder walk) holds them up for CHECK_GRACE_MS at most.
        const checking = started - slots - wanting.length
        const free = slots < o.jobs && wanting.length > 0
        if (free && checking > 0 && !graceOver) {
          graceTimer ??= setTimeout(() => {
            graceTimer = undefined
            graceOver = true
            pump()
            graceOver = false
          }, CHECK_GRACE_MS)
        }
        wanting.sort((a, b) => startOrder(a.unit, b.unit))
        while ((checking === 0 || graceOver) && slots < o.jobs && wanting.length > 0) {
          const w = wanting.shift()!
          slots++
          holders.add(w.unit)
          w.grant(true)
        }
      }
      finishIfIdle()
    }
    const start = (u: Unit) => {
      state.set(u, 'running')
      started++
      const metadataReady = () => {
        if (state.get(u) === 'running') {
          state.set(u, 'metadata')
          queueMicrotask(pump)
        }
      }
      const slot = () =>
        new Promise<boolean>((grant) => {
          wanting.push({ unit: u, grant })
          queueMicrotask(pump)
        })
      o.execute(u, metadataReady, slot).then(
        (r) => settle(u, r),
        () => settle(u, 'failed')
      )
    }
    const settle = (u: Unit, r: QueueResult) => {
      started--
      if (holders.delete(u)) slots--
      if (r === 'done') state.set(u, 'done')
      else if (r === 'not-started') state.set(u, 'waiting')
      else {
        state.set(u, 'failed')
        anyBroken = true
        if (r === 'failed') failed.push(u)
        if (!o.keepGoing || r === 'cancelled') stopping = true
      }
      pump()
    }
    const onAbort = () => {
      stopping = true
      queueMicrotask(pump)
    }
    o.signal?.addEventListener('abort', onAbort, { once: true })
    pump()
  })
}
