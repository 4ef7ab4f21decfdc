/**
 * Running one built harness with the user's arguments: stream its output, report every test and
 * the suite's tally as events, and cargo's report when it fails (its `report_test_error`). The
 * order, fail-fast and the list of failed targets are `run/test-sequence.ts`'s.
 */
import type { MessageLevel, OperationEvent, TestSuiteSummary } from '@shared/models/build'
import { runProcess, type ProcessOutcome } from '../tools/run-process'
import { LibtestParser } from './libtest-parser'
import { displayCommand, exitStatusText } from '../tools/process-status'
import { SuiteCollector, type TestCaseResult } from './suite-collector'
import { rerunArgs, type TestBinary } from './test-binary'
import { withRunner } from '../config/target-tools'

export interface TestRunOptions {
  /** What follows cargo's `--`, given to every harness: a filter, `--nocapture`, `--test-threads=1`… */
  readonly args: readonly string[]
  /** Run every harness even after one fails, then list the failed ones (`--no-fail-fast`). */
  readonly noFailFast?: boolean
  /** `bench` runs the harnesses as `cargo bench` does: with `--bench`, and says "bench failed". */
  readonly mode?: 'test' | 'bench'
  /** `cargo test -q`: libtest harnesses get `--quiet` too. */
  readonly quiet?: boolean
}

/** Where events go and what cancels: a build's `BuildIo` fits. */
export interface TestRunIo {
  readonly sink: (event: OperationEvent) => void
  readonly signal?: AbortSignal
}

export interface SuiteRun {
  readonly suite: string
  readonly binary: TestBinary
  readonly exit: ProcessOutcome
  /** Absent when the run was cancelled before the harness finished. */
  readonly summary?: TestSuiteSummary
  readonly tests: readonly TestCaseResult[]
  /** The harness exited 0. */
  readonly success: boolean
}

export interface TestRunResult {
  /** Every harness that ran exited 0 and nothing was cancelled. */
  readonly success: boolean
  readonly cancelled: boolean
  /** The harnesses that ran, in order; after a fail-fast stop the rest are not here. */
  readonly suites: readonly SuiteRun[]
  /**
   * The exit code cargo would end with: 0, the failing harness's own code when failing fast
   * (101 when a signal killed it), or 101 after `--no-fail-fast` failures.
   */
  readonly exitCode: number
}

/** libtest exits 101 when tests fail; any other failure is the process itself going wrong. */
const TESTS_FAILED = 101

function message(io: TestRunIo, level: MessageLevel, text: string): void {
  io.sink({ type: 'message', level, text })
}

/**
 * The end of a run that did not stop early: cargo's list of the failed targets (each as the
 * arguments that rerun it), and the status it exits with.
 */
export function finishRun(
  suites: readonly SuiteRun[],
  failed: readonly string[],
  io: TestRunIo
): TestRunResult {
  if (failed.length > 0) {
    const list = failed.map((args) => `    \`${args}\``).join('\n')
    const noun = failed.length === 1 ? 'target' : 'targets'
    message(io, 'error', `${failed.length} ${noun} failed:\n${list}`)
  }
  return {
    success: failed.length === 0,
    cancelled: false,
    suites,
    exitCode: failed.length === 0 ? 0 : TESTS_FAILED
  }
}

/** One harness, with cargo's report when it fails. */
export async function runHarness(
  binary: TestBinary,
  options: TestRunOptions,
  io: TestRunIo
): Promise<SuiteRun> {
  const run = await runOne(binary, options, io)
  if (!run.success && !run.exit.cancelled) reportFailure(binary, run.exit, options, io)
  return run
}

function harnessArgs(binary: TestBinary, options: TestRunOptions): string[] {
  const args = [...options.args]
  if (options.mode === 'bench') args.push('--bench')
  if (options.quiet && binary.harness !== false) args.push('--quiet')
  return args
}

/** The harness's command line: `runner runner-args… harness args…` when a runner is configured. */
function harnessCommand(binary: TestBinary, args: readonly string[]): [string, string[]] {
  return withRunner(binary.runner, binary.executable, args)
}

async function runOne(binary: TestBinary, options: TestRunOptions, io: TestRunIo): Promise<SuiteRun> {
  const args = harnessArgs(binary, options)
  const libtest = binary.harness !== false
  const parser = new LibtestParser()
  const collector = new SuiteCollector(binary.suite, io.sink)
  const [program, programArgs] = harnessCommand(binary, args)
  io.sink({
    type: 'status',
    verb: 'Running',
    detail: binary.suite,
    // cargo's -v names the harness by its command line, runner first.
    verboseDetail: `\`${displayCommand(program, programArgs)}\``
  })
  const exit = await runProcess(program, programArgs, {
    cwd: binary.cwd,
    env: binary.env,
    ...(io.signal ? { signal: io.signal } : {}),
    onStdout: (text) => {
      io.sink({ type: 'output', source: 'program', stream: 'stdout', text })
      if (libtest) collector.accept(parser.push(text))
    },
    onStderr: (text) => io.sink({ type: 'output', source: 'program', stream: 'stderr', text })
  })
  io.sink({ type: 'program-exited', exitCode: exit.exitCode, signal: exit.signal })
  const success = !exit.cancelled && exit.exitCode === 0
  if (exit.cancelled) return { suite: binary.suite, binary, exit, tests: collector.tests, success }
  collector.accept(parser.end())
  const abnormal = exit.exitCode !== 0 && exit.exitCode !== TESTS_FAILED
  const summary = collector.finish(abnormal ? exitStatusText(exit) : undefined)
  return { suite: binary.suite, binary, exit, summary, tests: collector.tests, success }
}

/**
 * cargo's report: "test failed, to rerun pass `--lib`", with the process's status as the cause
 * unless libtest simply reported failing tests (exit 101), and a hint when output was captured.
 */
function reportFailure(
  binary: TestBinary,
  exit: ProcessOutcome,
  options: TestRunOptions,
  io: TestRunIo
): void {
  const which = options.mode === 'bench' ? 'bench failed' : 'test failed'
  const head = `${which}, to rerun pass \`${rerunArgs(binary)}\``
  if (exit.exitCode === TESTS_FAILED) {
    message(io, 'error', head)
    return
  }
  const command = displayCommand(...harnessCommand(binary, harnessArgs(binary, options)))
  message(
    io,
    'error',
    `${head}\n\nCaused by:\n  process didn't exit successfully: \`${command}\` (${exitStatusText(exit)})`
  )
  const nocapture = options.args.includes('--nocapture') || options.args.includes('--no-capture')
  if (exit.exitCode !== null && binary.harness !== false && !nocapture) {
    message(io, 'note', 'test exited abnormally; to see the full output pass --no-capture to the harness.')
  }
}
