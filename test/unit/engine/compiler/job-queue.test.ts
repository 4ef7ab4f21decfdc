import { describe, expect, it } from 'vitest'
import { runQueue, type JobResult, type QueueResult } from '../../../../src/main/engine/compiler/job-queue'
import type { DepNeed, Unit } from '../../../../src/main/engine/compiler/unit'

function unit(id: string, deps: [Unit, DepNeed][] = []): Unit {
  return { id, deps: deps.map(([u, needs]) => ({ unit: u, needs })) } as unknown as Unit
}

function recorder(
  plan: Record<
    string,
    { result?: JobResult; metadataEarly?: boolean; ms?: number; fresh?: boolean; checkMs?: number }
  >
) {
  const log: string[] = []
  let running = 0
  let peak = 0
  let checking = 0
  let checkPeak = 0
  const execute = async (
    u: Unit,
    metadataReady: () => void,
    slot: () => Promise<boolean>
  ): Promise<QueueResult> => {
    // As a unit does: a freshness check without a slot, then work only with one.
    checkPeak = Math.max(checkPeak, ++checking)
    await new Promise((r) => setTimeout(r, plan[u.id]?.checkMs ?? 1))
    checking--
    if (plan[u.id]?.fresh) {
      log.push(`fresh ${u.id}`)
      metadataReady()
      return 'done'
    }
    if (!(await slot())) {
      log.push(`not started ${u.id}`)
      return 'not-started'
    }
    running++
    peak = Math.max(peak, running)
    log.push(`start ${u.id}`)
    const step = plan[u.id] ?? {}
    if (step.metadataEarly) {
      await new Promise((r) => setTimeout(r, 5))
      log.push(`meta ${u.id}`)
      metadataReady()
    }
    await new Promise((r) => setTimeout(r, step.ms ?? 10))
    log.push(`end ${u.id}`)
    running--
    return step.result ?? 'done'
  }
  return { log, execute, peak: () => peak, checkPeak: () => checkPeak }
}

describe('the job queue', () => {
  it('checks fresh units without a slot, and gives the one slot to one unit at a time', async () => {
    const slow = unit('slow')
    const fresh = Array.from({ length: 20 }, (_, i) => unit(`f${i}`))
    const chain = unit('chain', [[fresh[19]!, 'link']])
    const plan = Object.fromEntries(fresh.map((f) => [f.id, { fresh: true }]))
    const r = recorder({ ...plan, slow: { ms: 60 }, chain: { ms: 1 } })
    const out = await runQueue([slow, ...fresh, chain], { jobs: 1, keepGoing: false, execute: r.execute })
    expect(out.success).toBe(true)
    expect(r.peak()).toBe(1)
    // The checks ran side by side although there is one slot; the two dirty units took it in turn.
    expect(r.checkPeak()).toBe(21)
    const work = r.log.filter((l) => /^(start|end) /.test(l))
    expect([work.slice(0, 2), work.slice(2)].map((w) => w[0]!.slice(6) === w[1]!.slice(4))).toEqual([
      true,
      true
    ])
  })

  it('does not hold a free slot for long behind a slow freshness check', async () => {
    const slowCheck = unit('slow-check')
    const work = unit('work')
    const r = recorder({ 'slow-check': { fresh: true, checkMs: 300 } })
    await runQueue([slowCheck, work], { jobs: 1, keepGoing: false, execute: r.execute })
    expect(r.log.indexOf('end work')).toBeLessThan(r.log.indexOf('fresh slow-check'))
  })

  it('runs dependencies first and never more than `jobs` at once', async () => {
    const a = unit('a')
    const b = unit('b')
    const c = unit('c', [
      [a, 'link'],
      [b, 'link']
    ])
    const r = recorder({})
    const out = await runQueue([a, b, c], { jobs: 1, keepGoing: false, execute: r.execute })
    expect(out.success).toBe(true)
    expect(r.peak()).toBe(1)
    expect(r.log.indexOf('start c')).toBeGreaterThan(r.log.indexOf('end b'))
  })

  it('runs independent units in parallel', async () => {
    const units = ['a', 'b', 'c'].map((id) => unit(id))
    const r = recorder({ a: { ms: 30 }, b: { ms: 30 }, c: { ms: 30 } })
    await runQueue(units, { jobs: 3, keepGoing: false, execute: r.execute })
    expect(r.peak()).toBe(3)
  })

  it('pipelines: a dependent that needs only metadata starts before its dependency ends', async () => {
    const lib = unit('lib')
    const user = unit('user', [[lib, 'metadata']])
    const bin = unit('bin', [[lib, 'link']])
    const r = recorder({ lib: { metadataEarly: true, ms: 40 } })
    await runQueue([lib, user, bin], { jobs: 4, keepGoing: false, execute: r.execute })
    expect(r.log.indexOf('start user')).toBeLessThan(r.log.indexOf('end lib'))
    expect(r.log.indexOf('start bin')).toBeGreaterThan(r.log.indexOf('end lib'))
  })

  it('after a failure starts nothing new and skips dependents', async () => {
    const a = unit('a')
    const b = unit('b', [[a, 'link']])
    const c = unit('c')
    const skipped: string[] = []
    const r = recorder({ a: { result: 'failed' } })
    const out = await runQueue([a, b, c], {
      jobs: 1,
      keepGoing: false,
      execute: r.execute,
      onSkipped: (u) => skipped.push(u.id)
    })
    expect(out.success).toBe(false)
    expect(out.failed.map((u) => u.id)).toEqual(['a'])
    // c was checked alongside a, but never got a slot to start its work.
    expect(r.log).toEqual(['start a', 'end a', 'not started c'])
    expect(skipped).toEqual(['b'])
  })

  it('with keep-going runs everything that does not depend on the failure', async () => {
    const a = unit('a')
    const b = unit('b', [[a, 'link']])
    const c = unit('c')
    const r = recorder({ a: { result: 'failed' } })
    const out = await runQueue([a, b, c], { jobs: 1, keepGoing: true, execute: r.execute })
    expect(out.success).toBe(false)
    expect(r.log).toEqual(['start a', 'end a', 'start c', 'end c'])
  })

  it('stops starting units once cancelled', async () => {
    const controller = new AbortController()
    const a = unit('a')
    const b = unit('b', [[a, 'link']])
    const r = recorder({})
    const running = runQueue([a, b], {
      jobs: 1,
      keepGoing: false,
      signal: controller.signal,
      execute: r.execute
    })
    controller.abort()
    const out = await running
    expect(out).toMatchObject({ success: false, cancelled: true })
    expect(r.log).toEqual(['not started a'])
  })
})

describe('linking waits for every upstream object', () => {
  it('a binary waits for the libraries its dependency was only pipelined against', async () => {
    const b = unit('b')
    const a = unit('a', [[b, 'metadata']])
    const bin = unit('bin', [[a, 'link']])
    // b emits metadata early and then keeps compiling long after a has finished.
    const r = recorder({ b: { metadataEarly: true, ms: 60 }, a: { ms: 5 } })
    await runQueue([b, a, bin], { jobs: 4, keepGoing: false, execute: r.execute })
    expect(r.log.indexOf('end a')).toBeLessThan(r.log.indexOf('end b'))
    expect(r.log.indexOf('start bin')).toBeGreaterThan(r.log.indexOf('end b'))
  })
})

describe("cargo's start order", () => {
  it('starts what most units wait on first and, among equals, what became ready last', async () => {
    const a = unit('a')
    const b = unit('b')
    const c = unit('c', [[b, 'link']])
    const d = unit('d', [
      [a, 'link'],
      [c, 'link']
    ])
    // b holds up c and d; a and c each hold up d only, and c becomes ready after a.
    const r = recorder({})
    await runQueue([a, b, c, d], { jobs: 1, keepGoing: false, execute: r.execute })
    expect(r.log.filter((l) => l.startsWith('start'))).toEqual(['start b', 'start c', 'start a', 'start d'])
  })

  it('keeps plan order among units equally urgent and ready together', async () => {
    const units = ['x', 'y', 'z'].map((id) => unit(id))
    const r = recorder({})
    await runQueue(units, { jobs: 1, keepGoing: false, execute: r.execute })
    expect(r.log.filter((l) => l.startsWith('start'))).toEqual(['start x', 'start y', 'start z'])
  })
})
