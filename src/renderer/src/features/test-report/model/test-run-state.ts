/**
 * What the Test results panel knows about one test run, folded from the same `OperationEvent`
 * stream the build console reads. Pure, so it can live in react-query's cache beside the
 * console's state and be tested without a DOM.
 */
import { assertNever } from '@shared/assert-never'
import type { OperationEvent, TestOutcome, TestSuiteSummary } from '@shared/models/build'

export interface TestCase {
  readonly name: string
  readonly outcome: TestOutcome
  /** What a failed test printed (its captured stdout and the panic message). */
  readonly output?: string
}

export interface ProgramExit {
  readonly exitCode: number | null
  readonly signal: string | null
}

/** One harness ("unittests src/lib.rs (target/debug/deps/demo-1a2b)") and its tests so far. */
export interface SuiteResults {
  readonly suite: string
  /** In the order the harness reported them. */
  readonly tests: readonly TestCase[]
  readonly passed: number
  readonly failed: number
  readonly ignored: number
  /** The harness's tally, once it finished; it also counts tests `--quiet` did not name. */
  readonly summary?: TestSuiteSummary
  readonly exit?: ProgramExit
}

export interface TestRunState {
  readonly suites: readonly SuiteResults[]
  /** A harness exited; its `test-suite-finished` comes next and takes this. */
  readonly pendingExit?: ProgramExit
  /** The operation ended. */
  readonly finished?: { readonly success: boolean; readonly cancelled: boolean }
}

export function initialTestRunState(): TestRunState {
  return { suites: [] }
}

interface Draft {
  suite: string
  tests: TestCase[]
  passed: number
  failed: number
  ignored: number
  summary?: TestSuiteSummary
  exit?: ProgramExit
}

function toDraft(s: SuiteResults): Draft {
  return { ...s, tests: [...s.tests] }
}

function fromDraft(d: Draft): SuiteResults {
  return {
    suite: d.suite,
    tests: d.tests,
    passed: d.passed,
    failed: d.failed,
    ignored: d.ignored,
    ...(d.summary ? { summary: d.summary } : {}),
    ...(d.exit ? { exit: d.exit } : {})
  }
}

/** Folds a batch, copying each touched suite's test list once per batch rather than once per event. */
export function applyTestEvents(state: TestRunState, events: readonly OperationEvent[]): TestRunState {
  const drafts = new Map<string, Draft>()
  const order = state.suites.map((s) => s.suite)
  let pendingExit = state.pendingExit
  let finished = state.finished
  let changed = false
  const draft = (suite: string): Draft => {
    let d = drafts.get(suite)
    if (d) return d
    const existing = state.suites.find((s) => s.suite === suite)
    d = existing ? toDraft(existing) : { suite, tests: [], passed: 0, failed: 0, ignored: 0 }
    if (!existing) order.push(suite)
    drafts.set(suite, d)
    return d
  }
  for (const event of events) {
    switch (event.type) {
      case 'test-result': {
        const d = draft(event.suite)
        d.tests.push({
          name: event.name,
          outcome: event.outcome,
          ...(event.output !== undefined ? { output: event.output } : {})
        })
        if (event.outcome === 'ok') d.passed++
        else if (event.outcome === 'failed') d.failed++
        else d.ignored++
        changed = true
        break
      }
      case 'test-suite-finished': {
        const d = draft(event.summary.suite)
        d.summary = event.summary
        if (pendingExit) d.exit = pendingExit
        pendingExit = undefined
        changed = true
        break
      }
      case 'program-exited':
        pendingExit = { exitCode: event.exitCode, signal: event.signal }
        changed = true
        break
      case 'finished':
        finished = { success: event.success, cancelled: event.error?.code === 'cancelled' }
        changed = true
        break
      case 'status':
        // "Running <suite>": a harness started. Listed at once, so a slow first test (or a
        // cancel before any test finished) still shows which harness was running. (A verbose
        // "Running" is a compiler command of the build before it.)
        if (event.verb === 'Running' && !event.verbose) {
          draft(event.detail)
          changed = true
        }
        // "Doc-tests <lib>": rustdoc started a library's doc tests, listed as their own suite.
        if (event.verb === 'Doc-tests') {
          draft(`Doc-tests ${event.detail}`)
          changed = true
        }
        break
      // Build progress, output and diagnostics belong to the console.
      case 'planned':
      case 'unit-started':
      case 'unit-metadata':
      case 'unit-finished':
      case 'diagnostic':
      case 'output':
      case 'message':
        break
      default:
        assertNever(event, 'operation event')
    }
  }
  if (!changed) return state
  const suites = order.map((name) => {
    const d = drafts.get(name)
    return d ? fromDraft(d) : state.suites.find((s) => s.suite === name)!
  })
  return {
    suites,
    ...(pendingExit ? { pendingExit } : {}),
    ...(finished ? { finished } : {})
  }
}

/** libtest exits 101 when tests fail; anything else (a signal, `process::exit`) is a crash. */
const TESTS_FAILED = 101

/** `incomplete`: the run ended without the harness reporting its end (the run itself failed). */
export type SuiteStatus = 'running' | 'passed' | 'failed' | 'crashed' | 'cancelled' | 'incomplete'

/** How a suite stands, for its icon and the "failed only" filter. */
export function suiteStatus(suite: SuiteResults, run: TestRunState): SuiteStatus {
  const exit = suite.exit
  if (suite.summary) {
    if (exit && (exit.signal !== null || (exit.exitCode !== 0 && exit.exitCode !== TESTS_FAILED)))
      return 'crashed'
    const failed = suite.summary.failed > 0 || (exit !== undefined && exit.exitCode !== 0)
    return failed ? 'failed' : 'passed'
  }
  if (!run.finished) return 'running'
  return run.finished.cancelled ? 'cancelled' : 'incomplete'
}

/** A suite's counts: the harness's tally when it finished, else what it has reported so far. */
export function suiteCounts(suite: SuiteResults): {
  readonly passed: number
  readonly failed: number
  readonly ignored: number
} {
  const s = suite.summary
  return s ? { passed: s.passed, failed: s.failed, ignored: s.ignored } : suite
}

/** The whole run's counts, for the panel's heading. */
export function runTotals(state: TestRunState): {
  readonly passed: number
  readonly failed: number
  readonly ignored: number
} {
  let passed = 0
  let failed = 0
  let ignored = 0
  for (const suite of state.suites) {
    const c = suiteCounts(suite)
    passed += c.passed
    failed += c.failed
    ignored += c.ignored
  }
  return { passed, failed, ignored }
}
