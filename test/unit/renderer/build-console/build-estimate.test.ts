import { describe, expect, it } from 'vitest'
import {
  MIN_FINISHED_FOR_ESTIMATE,
  estimateRemainingMs,
  formatRemaining
} from '../../../../src/renderer/src/features/build-console/model/build-estimate'
import type { UnitRecord } from '../../../../src/renderer/src/features/build-console/model/unit-records'
import { record, unit } from './helpers'

const units = (n: number) => Array.from({ length: n }, (_, i) => unit(`u${i}`))
const done = (startedAt: number, finishedAt: number) => record({ startedAt, finishedAt, outcome: 'done' })

describe('estimateRemainingMs', () => {
  it(`says nothing until ${MIN_FINISHED_FOR_ESTIMATE} units finished`, () => {
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 1000)],
      ['u1', done(1000, 2000)]
    ])
    expect(estimateRemainingMs(units(10), records, 2000)).toBeUndefined()
  })

  it('says nothing when no unit is left', () => {
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 1000)],
      ['u1', done(1000, 2000)],
      ['u2', done(2000, 3000)]
    ])
    expect(estimateRemainingMs(units(3), records, 3000)).toBeUndefined()
  })

  it('one unit at a time: the mean time of the finished ones per unit left', () => {
    // Three units of 1s each, one after the other; seven are queued.
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 1000)],
      ['u1', done(1000, 2000)],
      ['u2', done(2000, 3000)]
    ])
    expect(estimateRemainingMs(units(10), records, 3000)).toBe(7000)
  })

  it('counts what a running unit has already done', () => {
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 1000)],
      ['u1', done(1000, 2000)],
      ['u2', done(2000, 3000)],
      ['u3', record({ startedAt: 3000 })]
    ])
    // u3 ran 400 ms of its expected 1000; u4 is queued.
    expect(estimateRemainingMs(units(5), records, 3400)).toBe(1600)
  })

  it('divides by how parallel the build has been, but not by more lanes than units left', () => {
    // Two lanes throughout: 2 units per second.
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 1000)],
      ['u1', done(0, 1000)],
      ['u2', done(1000, 2000)],
      ['u3', done(1000, 2000)]
    ])
    expect(estimateRemainingMs(units(10), records, 2000)).toBe(3000)
    // One unit left: two lanes do not make it faster.
    expect(estimateRemainingMs(units(5), records, 2000)).toBe(1000)
  })

  it('expects little when most finished units were fresh, and ignores skipped ones', () => {
    const records = new Map<string, UnitRecord>([
      ['u0', record({ finishedAt: 10, outcome: 'fresh' })],
      ['u1', record({ finishedAt: 10, outcome: 'fresh' })],
      ['u2', record({ finishedAt: 10, outcome: 'fresh' })],
      ['u3', done(10, 1210)],
      ['u4', record({ finishedAt: 1210, outcome: 'skipped' })]
    ])
    // Mean over 4 finished units: 300 ms; u5 is queued; u4 costs nothing.
    expect(estimateRemainingMs(units(6), records, 1210)).toBe(300)
  })

  it('is never negative when units run longer than the mean', () => {
    const records = new Map<string, UnitRecord>([
      ['u0', done(0, 100)],
      ['u1', done(100, 200)],
      ['u2', done(200, 300)],
      ['u3', record({ startedAt: 300 })]
    ])
    expect(estimateRemainingMs(units(4), records, 5000)).toBe(0)
  })
})

describe('formatRemaining', () => {
  it.each([
    [0, 'a few seconds left'],
    [4999, 'a few seconds left'],
    [5000, 'about 5s left'],
    [12_000, 'about 15s left'],
    [59_000, 'about 60s left'],
    [61_000, 'about 1 min left'],
    [200_000, 'about 3 min left']
  ])('%d ms reads %j', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text)
  })
})
