import { describe, expect, it } from 'vitest'
import type { OperationEvent, TestOutcome, TestSuiteSummary } from '@shared/models/build'
import {
  applyTestEvents,
  initialTestRunState,
  runTotals,
  suiteCounts,
  suiteStatus,
  type TestRunState
} from '../../../../src/renderer/src/features/test-report/model/test-run-state'

const LIB = 'unittests src/lib.rs (target/debug/deps/demo-1a2b)'
const IT = 'tests/it.rs (target/debug/deps/it-3c4d)'

const result = (suite: string, name: string, outcome: TestOutcome, output?: string): OperationEvent => ({
  type: 'test-result',
  suite,
  name,
  outcome,
  ...(output !== undefined ? { output } : {})
})

function summary(suite: string, partial: Partial<TestSuiteSummary> = {}): TestSuiteSummary {
  return { suite, passed: 0, failed: 0, ignored: 0, measured: 0, filteredOut: 0, ...partial }
}

const exited = (exitCode: number | null, signal: string | null = null): OperationEvent => ({
  type: 'program-exited',
  exitCode,
  signal
})
const suiteDone = (s: TestSuiteSummary): OperationEvent => ({ type: 'test-suite-finished', summary: s })
const finished = (success: boolean, cancelled = false): OperationEvent => ({
  type: 'finished',
  success,
  elapsedMs: 10,
  ...(cancelled ? { error: { code: 'cancelled', message: 'Cancelled' } } : {})
})

/** A failing lib harness, then a passing integration test harness, as the runner emits them. */
const RUN: readonly OperationEvent[] = [
  { type: 'status', verb: 'Running', detail: LIB },
  { type: 'output', source: 'program', stream: 'stdout', text: '\nrunning 3 tests\n' },
  result(LIB, 'tests::ok', 'ok'),
  result(LIB, 'tests::later', 'ignored'),
  result(LIB, 'tests::bad', 'failed', 'boom\n'),
  exited(101),
  suiteDone(summary(LIB, { passed: 1, failed: 1, ignored: 1, elapsedMs: 20 })),
  { type: 'message', level: 'error', text: 'test failed, to rerun pass `--lib`' },
  { type: 'status', verb: 'Running', detail: IT },
  result(IT, 'it_works', 'ok'),
  exited(0),
  suiteDone(summary(IT, { passed: 1 })),
  finished(false)
]

const fold = (events: readonly OperationEvent[], from: TestRunState = initialTestRunState()) =>
  applyTestEvents(from, events)

describe('test run state', () => {
  it('groups tests under their suite, in the order they were reported', () => {
    const state = fold(RUN)
    expect(state.suites.map((s) => s.suite)).toEqual([LIB, IT])
    expect(state.suites[0]?.tests).toEqual([
      { name: 'tests::ok', outcome: 'ok' },
      { name: 'tests::later', outcome: 'ignored' },
      { name: 'tests::bad', outcome: 'failed', output: 'boom\n' }
    ])
    expect(state.suites[0]).toMatchObject({
      passed: 1,
      failed: 1,
      ignored: 1,
      exit: { exitCode: 101, signal: null }
    })
    expect(state.finished).toEqual({ success: false, cancelled: false })
  })

  it('lists a library’s doc tests as their own suite as soon as rustdoc starts', () => {
    const state = fold([{ type: 'status', verb: 'Doc-tests', detail: 'demo' }])
    expect(state.suites.map((s) => s.suite)).toEqual(['Doc-tests demo'])
    const done = fold([result('Doc-tests demo', 'src/lib.rs - add (line 3)', 'ok')], state)
    expect(done.suites).toHaveLength(1)
    expect(done.suites[0]?.tests).toEqual([{ name: 'src/lib.rs - add (line 3)', outcome: 'ok' }])
  })

  it('folds the same way whether events come in one batch or one by one', () => {
    const oneByOne = RUN.reduce((s, e) => applyTestEvents(s, [e]), initialTestRunState())
    expect(oneByOne).toEqual(fold(RUN))
  })

  it('leaves the state untouched by events that are not about tests', () => {
    const before = fold(RUN.slice(0, 3))
    const after = fold(
      [
        { type: 'status', verb: 'Compiling', detail: 'demo v0.1.0' },
        // The build's own commands (cargo's -v lines) are not harnesses.
        {
          type: 'status',
          verb: 'Running',
          detail: '`rustc --crate-name demo --test`',
          verbose: true,
          unitId: 'u'
        }
      ],
      before
    )
    expect(after).toBe(before)
  })

  it('does not change earlier states (immutable)', () => {
    const first = fold(RUN.slice(0, 3))
    const copy = structuredClone(first)
    fold(RUN.slice(3), first)
    expect(first).toEqual(copy)
  })

  it('says how each suite stands', () => {
    const running = fold(RUN.slice(0, 4))
    expect(suiteStatus(running.suites[0]!, running)).toBe('running')
    const done = fold(RUN)
    expect(done.suites.map((s) => suiteStatus(s, done))).toEqual(['failed', 'passed'])
  })

  it('calls a harness killed by a signal or exiting oddly crashed', () => {
    const aborted = fold([
      result(IT, 'first', 'ok'),
      exited(null, 'SIGABRT'),
      suiteDone(summary(IT, { passed: 1 }))
    ])
    expect(suiteStatus(aborted.suites[0]!, aborted)).toBe('crashed')
    const exit3 = fold([exited(3), suiteDone(summary(IT))])
    expect(suiteStatus(exit3.suites[0]!, exit3)).toBe('crashed')
  })

  it('lists a harness as running from its "Running" line, before any test finished', () => {
    const started = fold(RUN.slice(0, 2))
    expect(started.suites).toEqual([{ suite: LIB, tests: [], passed: 0, failed: 0, ignored: 0 }])
    expect(suiteStatus(started.suites[0]!, started)).toBe('running')
    const cancelled = fold([exited(null, 'SIGKILL'), finished(false, true)], started)
    expect(suiteStatus(cancelled.suites[0]!, cancelled)).toBe('cancelled')
  })

  it('marks a suite cut short by cancel', () => {
    const state = fold([result(IT, 'first', 'ok'), exited(null, 'SIGTERM'), finished(false, true)])
    expect(suiteStatus(state.suites[0]!, state)).toBe('cancelled')
  })

  it('counts from the tally once there is one (quiet runs name only failures)', () => {
    const state = fold([
      result(LIB, 'bad', 'failed'),
      exited(101),
      suiteDone(summary(LIB, { passed: 40, failed: 1 }))
    ])
    expect(suiteCounts(state.suites[0]!)).toEqual({ passed: 40, failed: 1, ignored: 0 })
    expect(runTotals(fold(RUN))).toEqual({ passed: 2, failed: 1, ignored: 1 })
  })

  it('lists a suite that reported no test (harness = false) once it finishes', () => {
    const state = fold([exited(0), suiteDone(summary('benches/custom.rs (target/release/deps/custom-1)'))])
    expect(state.suites).toHaveLength(1)
    expect(suiteStatus(state.suites[0]!, state)).toBe('passed')
  })
})
