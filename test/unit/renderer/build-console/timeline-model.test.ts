import { describe, expect, it } from 'vitest'
import {
  axisTicks,
  formatTick,
  timelineRows,
  timelineSpan,
  unitLabel,
  unitState
} from '../../../../src/renderer/src/features/build-console/model/timeline-model'
import type { UnitRecord } from '../../../../src/renderer/src/features/build-console/model/unit-records'
import { record, unit } from './helpers'

describe('unitLabel', () => {
  it('names package, version, kind and target', () => {
    expect(unitLabel(unit('serde'))).toBe('serde v1.0.0 (lib serde)')
    expect(unitLabel(unit('demo', { kind: 'bin', targetName: 'tool', packageVersion: '0.2.0' }))).toBe(
      'demo v0.2.0 (bin tool)'
    )
  })

  it('does not repeat the made-up target name of build steps', () => {
    expect(unitLabel(unit('x', { kind: 'custom-build', targetName: 'build-script-build' }))).toBe(
      'x v1.0.0 (build script)'
    )
    expect(unitLabel(unit('x', { kind: 'run-custom-build', targetName: 'build-script-build' }))).toBe(
      'x v1.0.0 (build script run)'
    )
    expect(unitLabel(unit('x', { kind: 'build-command', targetName: 'build' }))).toBe(
      'x v1.0.0 (build command)'
    )
  })
})

describe('unitState', () => {
  it.each([
    [undefined, false, 'queued'],
    [undefined, true, 'not-started'],
    [record({ startedAt: 1 }), false, 'running'],
    [record({ startedAt: 1 }), true, 'cancelled'],
    [record({ startedAt: 1, finishedAt: 2, outcome: 'done' }), true, 'done'],
    [record({ finishedAt: 2, outcome: 'fresh' }), false, 'fresh'],
    [record({ finishedAt: 2, outcome: 'skipped' }), true, 'skipped'],
    [record({ startedAt: 1, finishedAt: 2, outcome: 'failed' }), false, 'failed']
  ] as const)('%j with the operation ended=%s is %s', (r, ended, state) => {
    expect(unitState(r, ended)).toBe(state)
  })
})

describe('timelineRows', () => {
  const units = [unit('a'), unit('b', { deps: ['a'] }), unit('c', { deps: ['a'] }), unit('d')]

  it('has one row per planned unit, started ones by start time, then the rest in plan order', () => {
    const records = new Map<string, UnitRecord>([
      ['c', record({ startedAt: 5 })],
      ['a', record({ startedAt: 0, metadataAt: 3, finishedAt: 9, outcome: 'done' })]
    ])
    const rows = timelineRows(units, records, 12, false, 9)
    expect(rows.map((r) => [r.unit.id, r.state, r.start, r.end])).toEqual([
      ['a', 'done', 0, 9],
      ['c', 'running', 5, 12],
      ['b', 'queued', undefined, undefined],
      ['d', 'queued', undefined, undefined]
    ])
    expect(rows.map((r) => r.planIndex)).toEqual([0, 2, 1, 3])
    expect(rows[0]?.metadata).toBe(3)
  })

  it('breaks start-time ties by plan order', () => {
    const records = new Map<string, UnitRecord>([
      ['d', record({ startedAt: 0 })],
      ['a', record({ startedAt: 0 })]
    ])
    expect(timelineRows(units, records, 1, false, 0).map((r) => r.unit.id)).toEqual(['a', 'd', 'b', 'c'])
  })

  it('draws a unit reported only as finished as a point, and never a running bar before its start', () => {
    const records = new Map<string, UnitRecord>([
      ['a', record({ finishedAt: 4, outcome: 'fresh' })],
      ['b', record({ startedAt: 8 })]
    ])
    const [a, b] = timelineRows(units, records, 6, false, 8)
    expect([a?.start, a?.end]).toEqual([4, 4])
    expect([b?.start, b?.end]).toEqual([8, 8])
  })

  it('ends the bars of units interrupted by the end of the operation at the last event', () => {
    const records = new Map<string, UnitRecord>([
      ['a', record({ startedAt: 0, finishedAt: 10, outcome: 'failed' })],
      ['b', record({ startedAt: 2 })]
    ])
    const rows = timelineRows(units, records, 999, true, 10)
    expect(rows.map((r) => [r.unit.id, r.state, r.end])).toEqual([
      ['a', 'failed', 10],
      ['b', 'cancelled', 10],
      ['c', 'not-started', undefined],
      ['d', 'not-started', undefined]
    ])
  })

  it('describes each row in words: name, host, state, duration, metadata and reason', () => {
    const host = unit('m', { kind: 'lib', forHost: true })
    const records = new Map<string, UnitRecord>([
      [
        'm',
        record({
          startedAt: 250,
          metadataAt: 1000,
          finishedAt: 1500,
          outcome: 'done',
          reason: 'src/lib.rs changed'
        })
      ],
      ['b', record({ startedAt: 1000 })],
      ['c', record({ finishedAt: 5, outcome: 'fresh' })],
      ['d', record({ finishedAt: 5, outcome: 'skipped' })]
    ])
    const rows = timelineRows([host, unit('b'), unit('c'), unit('d'), unit('e')], records, 3000, false, 1500)
    const text = Object.fromEntries(rows.map((r) => [r.unit.id, r.description]))
    expect(text.m).toBe(
      'm v1.0.0 (lib m) host build, done in 1.25s, started at 0.25s, metadata ready after 0.75s, rebuilt because src/lib.rs changed'
    )
    expect(text.b).toBe('b v1.0.0 (lib b), running for 2.00s, started at 1.00s')
    expect(text.c).toBe('c v1.0.0 (lib c), fresh, up to date')
    expect(text.d).toBe('d v1.0.0 (lib d), skipped, a dependency failed')
    expect(text.e).toBe('e v1.0.0 (lib e), queued')
  })
})

describe('timelineSpan', () => {
  it('runs to now while the build runs, and to the last bar once it ended', () => {
    const records = new Map<string, UnitRecord>([
      ['a', record({ startedAt: 0, finishedAt: 700, outcome: 'done' })]
    ])
    const rows = timelineRows([unit('a')], records, 900, false, 700)
    expect(timelineSpan(rows, 900, false)).toBe(900)
    expect(timelineSpan(rows, 900, true)).toBe(700)
  })

  it('is never zero, so positions can divide by it', () => {
    expect(timelineSpan([], 0, true)).toBe(1)
  })
})

describe('axisTicks / formatTick', () => {
  it('picks round steps so that at most the asked number of ticks fit', () => {
    expect(axisTicks(1000, 8)).toEqual([0, 200, 400, 600, 800, 1000])
    expect(axisTicks(42_000, 8)).toEqual([0, 10_000, 20_000, 30_000, 40_000])
    expect(axisTicks(50, 8)).toEqual([0])
    for (const span of [1, 999, 12_345, 3_600_000, 86_400_000]) {
      const ticks = axisTicks(span, 8)
      expect(ticks.length).toBeLessThanOrEqual(9)
      expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(span)
    }
  })

  it('labels ticks briefly', () => {
    expect([0, 500, 1000, 30_000, 60_000, 150_000].map(formatTick)).toEqual([
      '0s',
      '0.5s',
      '1s',
      '30s',
      '1m',
      '2m 30s'
    ])
  })
})
