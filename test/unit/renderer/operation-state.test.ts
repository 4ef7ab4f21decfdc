import { describe, expect, it } from 'vitest'
import type { OperationEvent, UnitSummary } from '@shared/models/build'
import type { Diagnostic } from '@shared/models/diagnostic'
import {
  MAX_CONSOLE_LINES,
  applyEvents,
  initialOperationState,
  isRunning,
  isSummaryDiagnostic,
  reduceOperation,
  type OperationState
} from '../../../src/renderer/src/features/build-console/operation-state'

const OP = 'op-1'

function fresh(): OperationState {
  return initialOperationState(OP, 1000, 'build')
}

function fold(events: readonly OperationEvent[], from: OperationState = fresh()): OperationState {
  return applyEvents(from, events)
}

/** The same events one at a time, as if each arrived in its own batch. */
function foldOneByOne(events: readonly OperationEvent[], from: OperationState = fresh()): OperationState {
  return events.reduce(reduceOperation, from)
}

function unit(id: string, targetName = id): UnitSummary {
  return {
    id,
    packageName: 'demo',
    packageVersion: '0.1.0',
    targetName,
    kind: 'bin',
    deps: [],
    forHost: false
  }
}

function diag(id: number, partial: Partial<Diagnostic> = {}): Diagnostic {
  return { id, level: 'error', message: `problem ${id}`, ...partial }
}

const started = (unitId: string): OperationEvent => ({ type: 'unit-started', unitId, at: 0 })
const finishedUnit = (unitId: string, outcome: 'done' | 'failed' | 'cancelled' = 'done'): OperationEvent => ({
  type: 'unit-finished',
  unitId,
  at: 0,
  outcome
})
const diagnostic = (d: Diagnostic): OperationEvent => ({ type: 'diagnostic', diagnostic: d })
const out = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): OperationEvent => ({
  type: 'output',
  source: 'program',
  stream,
  text
})

describe('initialOperationState', () => {
  it('starts empty, with no plan, no result and the given clock', () => {
    expect(initialOperationState('abc', 42, 'run')).toEqual({
      operationId: 'abc',
      kind: 'run',
      startedAt: 42,
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
    })
  })

  it('has no kind key at all when the kind is not known yet', () => {
    const state = initialOperationState('abc', 42)
    expect('kind' in state).toBe(false)
    expect(state.units).toBeUndefined()
    expect(state.exit).toBeUndefined()
    expect(state.result).toBeUndefined()
  })
})

describe('isRunning', () => {
  it('is false when there is no operation', () => {
    expect(isRunning(undefined)).toBe(false)
  })

  it('is true until the finished event arrives, whatever its outcome', () => {
    expect(isRunning(fresh())).toBe(true)
    expect(isRunning(fold([started('a'), out('x\n')]))).toBe(true)
    expect(isRunning(fold([{ type: 'finished', success: true, elapsedMs: 1 }]))).toBe(false)
    expect(isRunning(fold([{ type: 'finished', success: false, elapsedMs: 1 }]))).toBe(false)
  })

  it('is still true after the program exited but before the operation finished', () => {
    expect(isRunning(fold([{ type: 'program-exited', exitCode: 0, signal: null }]))).toBe(true)
  })
})

describe('applyEvents / reduceOperation', () => {
  it('returns the very same state for an empty batch', () => {
    const state = fresh()
    expect(applyEvents(state, [])).toBe(state)
  })

  it('does not mutate the state it was given', () => {
    const before = fold([started('a'), out('one\n'), diagnostic(diag(1))])
    const snapshot = structuredClone(before)
    const after = fold([started('b'), finishedUnit('a'), out('two\n'), diagnostic(diag(2))], before)
    expect(before).toEqual(snapshot)
    expect(after.lines).not.toBe(before.lines)
    expect(after.diagnostics).not.toBe(before.diagnostics)
    expect(after.runningUnitIds).not.toBe(before.runningUnitIds)
  })

  it('keeps operationId, kind and startedAt', () => {
    const state = fold([started('a'), { type: 'finished', success: true, elapsedMs: 5 }])
    expect(state.operationId).toBe(OP)
    expect(state.kind).toBe('build')
    expect(state.startedAt).toBe(1000)
  })

  it('gives the same state whether events come in one batch or one at a time', () => {
    const events: OperationEvent[] = [
      { type: 'planned', units: [unit('a'), unit('b')] },
      started('a'),
      { type: 'status', verb: 'Compiling', detail: 'demo v0.1.0 (/p)' },
      out('par'),
      out('tial\nnext'),
      diagnostic(diag(1, { level: 'warning' })),
      finishedUnit('a'),
      started('b'),
      diagnostic(diag(2)),
      finishedUnit('b', 'failed'),
      { type: 'finished', success: false, elapsedMs: 99, error: { code: 'build-failed', message: 'boom' } }
    ]
    expect(foldOneByOne(events)).toEqual(fold(events))
  })
})

describe('progress', () => {
  it('has no units (indeterminate progress) until the plan arrives, then exactly the planned ones', () => {
    expect(fresh().units).toBeUndefined()
    const units = [unit('a'), unit('b'), unit('c')]
    const state = fold([{ type: 'planned', units }])
    expect(state.units).toEqual(units)
    expect(state.finishedUnits).toBe(0)
    expect(state.lines).toEqual([])
  })

  it('tracks running units in start order and removes them as they finish', () => {
    let state = fold([started('a'), started('b'), started('c')])
    expect(state.runningUnitIds).toEqual(['a', 'b', 'c'])
    state = fold([finishedUnit('b')], state)
    expect(state.runningUnitIds).toEqual(['a', 'c'])
    expect(state.finishedUnits).toBe(1)
    state = fold([finishedUnit('a'), finishedUnit('c')], state)
    expect(state.runningUnitIds).toEqual([])
    expect(state.finishedUnits).toBe(3)
  })

  it('does not list a unit twice when it is reported started twice', () => {
    const state = fold([started('a'), started('a'), started('b'), started('a')])
    expect(state.runningUnitIds).toEqual(['a', 'b'])
  })

  it('counts failed units among the finished ones, and cancelled ones as finished but not failed', () => {
    const state = fold([
      { type: 'planned', units: [unit('a'), unit('b'), unit('c'), unit('d')] },
      started('a'),
      started('b'),
      started('c'),
      finishedUnit('a', 'done'),
      finishedUnit('b', 'failed'),
      finishedUnit('c', 'cancelled')
    ])
    expect(state.finishedUnits).toBe(3)
    expect(state.failedUnits).toBe(1)
    expect(state.runningUnitIds).toEqual([])
  })

  it('progress counts add up across batches', () => {
    let state = fold([started('a'), finishedUnit('a', 'failed')])
    state = fold([started('b'), finishedUnit('b', 'failed')], state)
    state = fold([started('c'), finishedUnit('c')], state)
    expect(state.finishedUnits).toBe(3)
    expect(state.failedUnits).toBe(2)
  })

  it('clears the running units when the operation finishes', () => {
    const state = fold([started('a'), started('b'), { type: 'finished', success: false, elapsedMs: 3 }])
    expect(state.runningUnitIds).toEqual([])
    expect(state.finishedUnits).toBe(0)
  })
})

describe('status lines', () => {
  it('become console lines in order, with warning false unless flagged', () => {
    const state = fold([
      { type: 'status', verb: 'Compiling', detail: 'demo v0.1.0 (/p)' },
      { type: 'status', verb: 'Blocking', detail: 'waiting for file lock', warning: true },
      { type: 'status', verb: 'Finished', detail: '`dev` profile', warning: false }
    ])
    expect(state.lines).toEqual([
      { kind: 'status', id: 0, verb: 'Compiling', detail: 'demo v0.1.0 (/p)', warning: false },
      { kind: 'status', id: 1, verb: 'Blocking', detail: 'waiting for file lock', warning: true },
      { kind: 'status', id: 2, verb: 'Finished', detail: '`dev` profile', warning: false }
    ])
    expect(state.nextLineId).toBe(3)
  })

  it('line ids keep increasing across batches', () => {
    let state = fold([{ type: 'status', verb: 'Compiling', detail: 'a' }])
    state = fold([{ type: 'status', verb: 'Compiling', detail: 'b' }], state)
    expect(state.lines.map((l) => l.id)).toEqual([0, 1])
    expect(state.nextLineId).toBe(2)
  })
})

describe('diagnostics', () => {
  it('are collected in arrival order, including across batches', () => {
    const d1 = diag(7, { level: 'warning', message: 'unused variable: `x`' })
    const d2 = diag(3, { level: 'error', message: 'mismatched types' })
    const d3 = diag(9, { level: 'note', message: 'see also' })
    let state = fold([diagnostic(d1), diagnostic(d2)])
    state = fold([diagnostic(d3)], state)
    expect(state.diagnostics).toEqual([d1, d2, d3])
    expect(state.lines.map((l) => (l.kind === 'diagnostic' ? l.diagnosticId : -1))).toEqual([7, 3, 9])
  })

  it('count errors (including ICEs) and warnings, but not notes, help or failure notes', () => {
    const state = fold([
      diagnostic(diag(1, { level: 'error' })),
      diagnostic(diag(2, { level: 'error' })),
      diagnostic(diag(3, { level: 'ice', message: 'internal compiler error: unexpected panic' })),
      diagnostic(diag(4, { level: 'warning' })),
      diagnostic(diag(5, { level: 'note' })),
      diagnostic(diag(6, { level: 'help' })),
      diagnostic(diag(7, { level: 'failure-note', message: 'For more information about this error' }))
    ])
    expect(state.errorCount).toBe(3)
    expect(state.warningCount).toBe(1)
    expect(state.diagnostics).toHaveLength(7)
    expect(state.lines).toHaveLength(7)
  })

  it('show rustc rendering without trailing whitespace when present', () => {
    const state = fold([
      diagnostic(
        diag(1, {
          level: 'error',
          code: 'E0308',
          message: 'mismatched types',
          rendered: 'error[E0308]: mismatched types\n --> src/main.rs:2:5\n\n',
          location: { file: '/p/src/main.rs', line: 2, column: 5 }
        })
      )
    ])
    expect(state.lines).toEqual([
      {
        kind: 'diagnostic',
        id: 0,
        diagnosticId: 1,
        level: 'error',
        text: 'error[E0308]: mismatched types\n --> src/main.rs:2:5'
      }
    ])
  })

  it('render a plain form, with code and location, when rustc gave none', () => {
    const state = fold([
      diagnostic(
        diag(1, {
          level: 'warning',
          code: 'unused_variables',
          message: 'unused variable: `x`',
          location: { file: '/p/src/main.rs', line: 3, column: 9 }
        })
      ),
      diagnostic(diag(2, { level: 'error', message: 'linking failed' })),
      diagnostic(diag(3, { level: 'note', message: 'trailing space   ' }))
    ])
    expect(state.lines.map((l) => (l.kind === 'diagnostic' ? l.text : l.kind))).toEqual([
      'warning[unused_variables]: unused variable: `x`\n  --> /p/src/main.rs:3:9',
      'error: linking failed',
      'note: trailing space'
    ])
  })

  it('keep summary diagnostics in the console and the list, but do not count them', () => {
    const summaries = [
      diag(1, { level: 'error', message: 'aborting due to 2 previous errors' }),
      diag(2, { level: 'warning', message: '1 warning emitted' }),
      diag(3, { level: 'warning', message: '3 warnings emitted' }),
      diag(4, { level: 'error', message: 'could not compile `demo` (bin "demo")' }),
      diag(5, {
        level: 'failure-note',
        message: 'For more information about this error, try `rustc --explain E0308`.'
      })
    ]
    const state = fold(summaries.map(diagnostic))
    expect(state.errorCount).toBe(0)
    expect(state.warningCount).toBe(0)
    expect(state.diagnostics).toEqual(summaries)
    expect(state.lines).toHaveLength(5)
  })
})

describe('isSummaryDiagnostic', () => {
  it.each([
    ['aborting due to 1 previous error', 'error'],
    ['aborting due to 2 previous errors; 1 warning emitted', 'error'],
    ['1 warning emitted', 'warning'],
    ['12 warnings emitted', 'warning'],
    ['could not compile `demo` (lib) due to 1 previous error', 'error']
  ] as const)('treats %j without a location as a summary', (message, level) => {
    expect(isSummaryDiagnostic(diag(1, { level, message }))).toBe(true)
  })

  it('treats every failure note as a summary, even with a location', () => {
    expect(
      isSummaryDiagnostic(
        diag(1, { level: 'failure-note', message: 'x', location: { file: '/a.rs', line: 1, column: 1 } })
      )
    ).toBe(true)
  })

  it('does not treat a summary-looking message that points into a file as a summary', () => {
    expect(
      isSummaryDiagnostic(
        diag(1, {
          level: 'error',
          message: 'aborting due to 1 previous error',
          location: { file: '/p/src/main.rs', line: 1, column: 1 }
        })
      )
    ).toBe(false)
  })

  it.each([
    'mismatched types',
    'unused variable: `aborting`',
    'the compiler is aborting due to something', // only a leading match counts
    'warnings emitted' // no count
  ])('treats %j as a real problem', (message) => {
    expect(isSummaryDiagnostic(diag(1, { level: 'error', message }))).toBe(false)
  })
})

describe('output', () => {
  it('splits chunks into lines and joins partial lines across events', () => {
    const state = fold([out('Hello, '), out('world!\nsecond'), out(' line\n')])
    expect(state.lines).toEqual([
      { kind: 'output', id: 0, source: 'program', stream: 'stdout', text: 'Hello, world!', open: false },
      { kind: 'output', id: 1, source: 'program', stream: 'stdout', text: 'second line', open: false }
    ])
    expect(state.nextLineId).toBe(2)
  })

  it('joins a partial line continued in a later batch, keeping its id', () => {
    let state = fold([out('comp')])
    expect(state.lines).toEqual([
      { kind: 'output', id: 0, source: 'program', stream: 'stdout', text: 'comp', open: true }
    ])
    state = fold([out('uting…\n')], state)
    expect(state.lines).toEqual([
      { kind: 'output', id: 0, source: 'program', stream: 'stdout', text: 'computing…', open: false }
    ])
    expect(state.nextLineId).toBe(1)
  })

  it('keeps only the last carriage-return redraw and drops CRLF endings', () => {
    const state = fold([out('10%\r50%\r100%\n'), out('done\r\n')])
    expect(state.lines.map((l) => (l.kind === 'output' ? l.text : l.kind))).toEqual(['100%', 'done'])
  })

  it('does not continue an open line across a status line', () => {
    const state = fold([
      out('partial'),
      { type: 'status', verb: 'Running', detail: '`target/debug/demo`' },
      out(' rest\n')
    ])
    expect(state.lines).toEqual([
      { kind: 'output', id: 0, source: 'program', stream: 'stdout', text: 'partial', open: true },
      { kind: 'status', id: 1, verb: 'Running', detail: '`target/debug/demo`', warning: false },
      { kind: 'output', id: 2, source: 'program', stream: 'stdout', text: ' rest', open: false }
    ])
  })

  it('interleaves compiler output, status and diagnostics with increasing ids', () => {
    const state = fold([
      { type: 'status', verb: 'Compiling', detail: 'demo v0.1.0 (/p)' },
      { type: 'output', source: 'rustc', stream: 'stderr', text: 'note: raw line\n' },
      diagnostic(diag(1, { message: 'bad' })),
      { type: 'output', source: 'build-command', stream: 'stdout', text: 'cargo:rerun-if-changed=build.rs\n' }
    ])
    expect(state.lines.map((l) => [l.id, l.kind])).toEqual([
      [0, 'status'],
      [1, 'output'],
      [2, 'diagnostic'],
      [3, 'output']
    ])
  })
})

describe('the console line cap', () => {
  it('is 20,000 lines', () => {
    expect(MAX_CONSOLE_LINES).toBe(20_000)
  })

  it('keeps exactly the cap when exactly the cap arrives', () => {
    const state = fold([out('x\n'.repeat(MAX_CONSOLE_LINES))])
    expect(state.lines).toHaveLength(MAX_CONSOLE_LINES)
    expect(state.droppedLines).toBe(0)
  })

  it('drops the oldest lines past the cap and counts them', () => {
    const text = Array.from({ length: MAX_CONSOLE_LINES + 5 }, (_, i) => `line ${i}\n`).join('')
    const state = fold([out(text)])
    expect(state.lines).toHaveLength(MAX_CONSOLE_LINES)
    expect(state.droppedLines).toBe(5)
    expect(state.lines[0]).toEqual({
      kind: 'output',
      id: 5,
      source: 'program',
      stream: 'stdout',
      text: 'line 5',
      open: false
    })
    expect(state.lines.at(-1)).toMatchObject({
      id: MAX_CONSOLE_LINES + 4,
      text: `line ${MAX_CONSOLE_LINES + 4}`
    })
    expect(state.nextLineId).toBe(MAX_CONSOLE_LINES + 5)
  })

  it('accumulates dropped lines across batches and keeps ids unique and increasing', () => {
    let state = fold([out('a\n'.repeat(MAX_CONSOLE_LINES))])
    state = fold([out('b\n'.repeat(3))], state)
    state = fold([{ type: 'status', verb: 'Finished', detail: 'x' }, out('c\n')], state)
    expect(state.lines).toHaveLength(MAX_CONSOLE_LINES)
    expect(state.droppedLines).toBe(5)
    expect(state.lines[0]?.id).toBe(5)
    expect(state.lines.slice(-5).map((l) => (l.kind === 'output' ? l.text : l.kind))).toEqual([
      'b',
      'b',
      'b',
      'status',
      'c'
    ])
    const ids = state.lines.map((l) => l.id)
    expect(ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? -1) + 1)).toBe(true)
  })

  it('drops lines but never diagnostics from the problems list', () => {
    const state = fold([diagnostic(diag(1)), out('x\n'.repeat(MAX_CONSOLE_LINES))])
    expect(state.lines.some((l) => l.kind === 'diagnostic')).toBe(false)
    expect(state.droppedLines).toBe(1)
    expect(state.diagnostics).toEqual([diag(1)])
    expect(state.errorCount).toBe(1)
  })
})

describe('program exit', () => {
  it('records the exit code', () => {
    const state = fold([{ type: 'program-exited', exitCode: 3, signal: null }])
    expect(state.exit).toEqual({ exitCode: 3, signal: null })
    expect(state.lines).toEqual([])
  })

  it('records a signal when the program was killed', () => {
    const state = fold([{ type: 'program-exited', exitCode: null, signal: 'SIGKILL' }])
    expect(state.exit).toEqual({ exitCode: null, signal: 'SIGKILL' })
  })
})

describe('finished', () => {
  it('records success and elapsed time without adding a line', () => {
    const state = fold([out('ok\n'), { type: 'finished', success: true, elapsedMs: 1234 }])
    expect(state.result).toEqual({ success: true, elapsedMs: 1234 })
    expect(state.result && 'error' in state.result).toBe(false)
    expect(state.lines).toHaveLength(1)
  })

  it('adds an error note when the operation failed with an error', () => {
    const error = { code: 'build-failed', message: 'could not compile `demo`' } as const
    const state = fold([out('x\n'), { type: 'finished', success: false, elapsedMs: 50, error }])
    expect(state.result).toEqual({ success: false, elapsedMs: 50, error })
    expect(state.lines.at(-1)).toEqual({
      kind: 'note',
      id: 1,
      tone: 'error',
      text: 'error: could not compile `demo`'
    })
    expect(state.nextLineId).toBe(2)
  })

  it('adds no note when the operation was cancelled', () => {
    const error = { code: 'cancelled', message: 'The build was cancelled.' } as const
    const state = fold([started('a'), { type: 'finished', success: false, elapsedMs: 7, error }])
    expect(state.result).toEqual({ success: false, elapsedMs: 7, error })
    expect(state.lines).toEqual([])
    expect(state.runningUnitIds).toEqual([])
    expect(isRunning(state)).toBe(false)
  })

  it('adds no note when it failed without an error (the diagnostics say why)', () => {
    const state = fold([{ type: 'finished', success: false, elapsedMs: 9 }])
    expect(state.result).toEqual({ success: false, elapsedMs: 9 })
    expect(state.lines).toEqual([])
  })

  it('adds no note when it succeeded, even if an error came along', () => {
    const state = fold([
      { type: 'finished', success: true, elapsedMs: 9, error: { code: 'io', message: 'odd but harmless' } }
    ])
    expect(state.result).toEqual({
      success: true,
      elapsedMs: 9,
      error: { code: 'io', message: 'odd but harmless' }
    })
    expect(state.lines).toEqual([])
  })

  it('keeps the program exit next to the result of a run', () => {
    const state = fold([
      { type: 'status', verb: 'Running', detail: '`target/debug/demo`' },
      out('hi\n'),
      { type: 'program-exited', exitCode: 1, signal: null },
      { type: 'finished', success: false, elapsedMs: 10 }
    ])
    expect(state.exit).toEqual({ exitCode: 1, signal: null })
    expect(state.result).toEqual({ success: false, elapsedMs: 10 })
  })
})

describe('test results', () => {
  const suite = 'unittests src/lib.rs (target/debug/deps/demo-1a2b)'
  const summary = { suite, passed: 1, failed: 1, ignored: 0, measured: 0, filteredOut: 0 }
  const testRun: OperationEvent[] = [
    { type: 'status', verb: 'Running', detail: suite },
    { type: 'test-result', suite, name: 'tests::adds', outcome: 'ok' },
    { type: 'test-result', suite, name: 'tests::fails', outcome: 'failed', output: 'assertion failed\n' },
    { type: 'program-exited', exitCode: 101, signal: null },
    { type: 'test-suite-finished', summary },
    { type: 'finished', success: false, elapsedMs: 20 }
  ]

  it('folds the test events into the results panel state, beside the console', () => {
    const state = fold(testRun, initialOperationState(OP, 0, 'test'))
    expect(state.tests).toEqual({
      suites: [
        {
          suite,
          tests: [
            { name: 'tests::adds', outcome: 'ok' },
            { name: 'tests::fails', outcome: 'failed', output: 'assertion failed\n' }
          ],
          passed: 1,
          failed: 1,
          ignored: 0,
          summary,
          exit: { exitCode: 101, signal: null }
        }
      ],
      finished: { success: false, cancelled: false }
    })
    expect(state.lines.map((l) => l.kind)).toEqual(['status'])
  })

  it('gives the same results whether the events come in one batch or one at a time', () => {
    const test = initialOperationState(OP, 0, 'test')
    expect(foldOneByOne(testRun, test).tests).toEqual(fold(testRun, test).tests)
  })

  it('keeps the same results object across batches without test events', () => {
    const before = fold(testRun.slice(0, 3), initialOperationState(OP, 0, 'test'))
    const after = fold([out('more\n'), started('a')], before)
    expect(after.tests).toBe(before.tests)
  })

  it('collects results before the handle says what the operation is, but not for a build or run', () => {
    expect(fold(testRun, initialOperationState(OP, 0)).tests?.suites).toHaveLength(1)
    expect(fold(testRun, initialOperationState(OP, 0, 'run')).tests).toBeUndefined()
    expect(fold(testRun).tests).toBeUndefined()
  })
})

describe('a whole build, as the console shows it', () => {
  it('folds a failing two-unit build', () => {
    const warning = diag(1, {
      level: 'warning',
      message: 'unused import',
      rendered: 'warning: unused import\n'
    })
    const error = diag(2, {
      level: 'error',
      message: 'mismatched types',
      rendered: 'error[E0308]: mismatched types\n'
    })
    const abort = diag(3, { level: 'error', message: 'aborting due to 1 previous error' })
    const state = fold([
      { type: 'planned', units: [unit('lib'), unit('bin')] },
      started('lib'),
      { type: 'status', verb: 'Compiling', detail: 'demo v0.1.0 (/p)' },
      diagnostic(warning),
      finishedUnit('lib'),
      started('bin'),
      diagnostic(error),
      diagnostic(abort),
      finishedUnit('bin', 'failed'),
      {
        type: 'finished',
        success: false,
        elapsedMs: 321,
        error: { code: 'build-failed', message: 'could not compile `demo` (bin "demo")' }
      }
    ])
    expect(state).toEqual({
      operationId: OP,
      kind: 'build',
      startedAt: 1000,
      units: [unit('lib'), unit('bin')],
      lines: [
        { kind: 'status', id: 0, verb: 'Compiling', detail: 'demo v0.1.0 (/p)', warning: false },
        { kind: 'diagnostic', id: 1, diagnosticId: 1, level: 'warning', text: 'warning: unused import' },
        {
          kind: 'diagnostic',
          id: 2,
          diagnosticId: 2,
          level: 'error',
          text: 'error[E0308]: mismatched types'
        },
        {
          kind: 'diagnostic',
          id: 3,
          diagnosticId: 3,
          level: 'error',
          text: 'error: aborting due to 1 previous error'
        },
        { kind: 'note', id: 4, tone: 'error', text: 'error: could not compile `demo` (bin "demo")' }
      ],
      nextLineId: 5,
      droppedLines: 0,
      runningUnitIds: [],
      finishedUnits: 2,
      failedUnits: 1,
      unitRecords: new Map([
        [
          'lib',
          { startedAt: 0, finishedAt: 0, outcome: 'done', diagnosticIds: [], log: [], droppedChars: 0 }
        ],
        [
          'bin',
          { startedAt: 0, finishedAt: 0, outcome: 'failed', diagnosticIds: [], log: [], droppedChars: 0 }
        ]
      ]),
      latestAt: 0,
      diagnostics: [warning, error, abort],
      errorCount: 1,
      warningCount: 1,
      result: {
        success: false,
        elapsedMs: 321,
        error: { code: 'build-failed', message: 'could not compile `demo` (bin "demo")' }
      }
    })
  })
})

describe('per-unit records (the timeline)', () => {
  const planned = (units: readonly UnitSummary[]): OperationEvent => ({ type: 'planned', units })
  const lib = (id: string, packageName: string, extra: Partial<UnitSummary> = {}): UnitSummary => ({
    id,
    packageName,
    packageVersion: '1.0.0',
    targetName: packageName,
    kind: 'lib',
    deps: [],
    forHost: false,
    ...extra
  })

  it('keeps start, metadata and finish times, the outcome and the rebuild reason', () => {
    const state = fold([
      planned([lib('a', 'a'), lib('b', 'b', { deps: ['a'] })]),
      { type: 'unit-started', unitId: 'a', at: 10, reason: 'src/lib.rs changed' },
      { type: 'unit-metadata', unitId: 'a', at: 40 },
      { type: 'unit-started', unitId: 'b', at: 45 },
      { type: 'unit-finished', unitId: 'a', at: 90, outcome: 'done' },
      { type: 'unit-finished', unitId: 'b', at: 120, outcome: 'failed' }
    ])
    expect(state.unitRecords.get('a')).toEqual({
      startedAt: 10,
      metadataAt: 40,
      finishedAt: 90,
      outcome: 'done',
      reason: 'src/lib.rs changed',
      diagnosticIds: [],
      log: [],
      droppedChars: 0
    })
    expect(state.unitRecords.get('b')).toEqual({
      startedAt: 45,
      finishedAt: 120,
      outcome: 'failed',
      diagnosticIds: [],
      log: [],
      droppedChars: 0
    })
    expect(state.latestAt).toBe(120)
  })

  it('works with what the engine sends today: no metadata, no reason, no fresh', () => {
    const state = fold([planned([lib('a', 'a')]), started('a'), finishedUnit('a')])
    const record = state.unitRecords.get('a')
    expect(record?.outcome).toBe('done')
    expect(record?.metadataAt).toBeUndefined()
    expect(record && 'reason' in record).toBe(false)
  })

  it('records a unit reported only as finished (fresh, skipped) without a start', () => {
    const state = fold([
      planned([lib('a', 'a'), lib('b', 'b')]),
      { type: 'unit-finished', unitId: 'a', at: 3, outcome: 'fresh' },
      { type: 'unit-finished', unitId: 'b', at: 7, outcome: 'skipped' }
    ])
    expect(state.unitRecords.get('a')).toMatchObject({ finishedAt: 3, outcome: 'fresh' })
    expect(state.unitRecords.get('a')?.startedAt).toBeUndefined()
    expect(state.unitRecords.get('b')).toMatchObject({ finishedAt: 7, outcome: 'skipped' })
    expect(state.finishedUnits).toBe(2)
  })

  it('keeps -v detail out of the console: a command goes to its unit, fresh packages nowhere, reasons stay', () => {
    const state = fold([
      planned([lib('a', 'a')]),
      { type: 'status', verb: 'Dirty', detail: 'a v0.1.0: src/lib.rs changed', verbose: true, unitId: 'a' },
      { type: 'status', verb: 'Running', detail: '`rustc --crate-name a`', verbose: true, unitId: 'a' },
      { type: 'status', verb: 'Fresh', detail: 'b v0.1.0', verbose: true },
      { type: 'status', verb: 'Running', detail: '`target/debug/a`' }
    ])
    expect(state.unitRecords.get('a')?.command).toBe('`rustc --crate-name a`')
    expect(state.lines.map((l) => (l.kind === 'status' ? `${l.verb} ${l.detail}` : l.kind))).toEqual([
      'Dirty a v0.1.0: src/lib.rs changed',
      'Running `target/debug/a`'
    ])
  })

  it('latestAt never goes back when events arrive out of order', () => {
    const state = fold([
      { type: 'unit-finished', unitId: 'a', at: 500, outcome: 'done' },
      { type: 'unit-started', unitId: 'b', at: 200 }
    ])
    expect(state.latestAt).toBe(500)
  })

  it("gives each unit its own output and cargo's lines about it, joining chunks of one stream", () => {
    const state = fold([
      planned([lib('a', 'a')]),
      started('a'),
      { type: 'output', source: 'build-command', stream: 'stdout', text: 'checking ', unitId: 'a' },
      { type: 'output', source: 'build-command', stream: 'stdout', text: 'ok\n', unitId: 'a' },
      { type: 'output', source: 'build-command', stream: 'stderr', text: 'oops\n', unitId: 'a' },
      { type: 'message', level: 'error', text: 'build command failed', unitId: 'a' },
      { type: 'output', source: 'program', stream: 'stdout', text: 'not a unit\n' }
    ])
    expect(state.unitRecords.get('a')?.log).toEqual([
      { kind: 'output', stream: 'stdout', text: 'checking ok\n' },
      { kind: 'output', stream: 'stderr', text: 'oops\n' },
      { kind: 'message', level: 'error', text: 'build command failed' }
    ])
    // The console still shows all of it.
    expect(state.lines.map((l) => (l.kind === 'output' || l.kind === 'message' ? l.text : ''))).toEqual([
      'checking ok',
      'oops',
      'build command failed',
      'not a unit'
    ])
  })

  it('attributes a diagnostic to the running unit compiling its package and target', () => {
    const state = fold([
      planned([lib('a', 'a'), lib('b', 'b'), lib('b-host', 'b', { forHost: true })]),
      started('a'),
      started('b'),
      started('b-host'),
      diagnostic(diag(1, { packageName: 'b', targetName: 'b' })),
      diagnostic(diag(2, { packageName: 'a', targetName: 'a' })),
      finishedUnit('a'),
      // A diagnostic of a unit no longer running, or with no crate named, belongs to none.
      diagnostic(diag(3, { packageName: 'a', targetName: 'a' })),
      diagnostic(diag(4))
    ])
    expect(state.unitRecords.get('a')?.diagnosticIds).toEqual([2])
    expect(state.unitRecords.get('b')?.diagnosticIds).toEqual([1])
    expect(state.unitRecords.get('b-host')?.diagnosticIds).toEqual([])
    expect(state.diagnostics.map((d) => d.id)).toEqual([1, 2, 3, 4])
  })

  it('does not attribute a diagnostic of another target of the same package', () => {
    const state = fold([
      planned([lib('a', 'a'), lib('a-bin', 'a', { kind: 'bin', targetName: 'tool' })]),
      started('a'),
      diagnostic(diag(1, { packageName: 'a', targetName: 'tool' }))
    ])
    expect(state.unitRecords.get('a')?.diagnosticIds).toEqual([])
  })

  it('keeps the very same records when a batch touches no unit', () => {
    const before = fold([planned([lib('a', 'a')]), started('a')])
    const after = fold([out('x\n'), { type: 'status', verb: 'Compiling', detail: 'a' }], before)
    expect(after.unitRecords).toBe(before.unitRecords)
  })

  it('does not change the records of an earlier state', () => {
    const before = fold([planned([lib('a', 'a')]), started('a')])
    const snapshot = structuredClone(before.unitRecords)
    const after = fold(
      [{ type: 'output', source: 'rustc', stream: 'stderr', text: 'x\n', unitId: 'a' }, finishedUnit('a')],
      before
    )
    expect(before.unitRecords).toEqual(snapshot)
    expect(after.unitRecords.get('a')?.outcome).toBe('done')
  })

  it('folds unit events the same in one batch or one at a time', () => {
    const events: OperationEvent[] = [
      planned([lib('a', 'a'), lib('b', 'b')]),
      { type: 'unit-started', unitId: 'a', at: 1, reason: 'the profile changed' },
      { type: 'output', source: 'rustc', stream: 'stderr', text: 'x', unitId: 'a' },
      { type: 'unit-metadata', unitId: 'a', at: 2 },
      { type: 'output', source: 'rustc', stream: 'stderr', text: 'y\n', unitId: 'a' },
      diagnostic(diag(1, { packageName: 'a', targetName: 'a' })),
      { type: 'unit-started', unitId: 'b', at: 3 },
      { type: 'unit-finished', unitId: 'a', at: 4, outcome: 'done' },
      { type: 'unit-finished', unitId: 'b', at: 5, outcome: 'fresh' }
    ]
    expect(foldOneByOne(events)).toEqual(fold(events))
  })
})
