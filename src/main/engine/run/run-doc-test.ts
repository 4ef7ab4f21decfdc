/**
 * Runs one library's doc tests as cargo's `run_doc_tests` does: the "Doc-tests NAME" line (and
 * with -v the rustdoc command), rustdoc's libtest output streamed and parsed into the same
 * per-test events a harness gives, and on failure cargo's "doctest failed, to rerun pass `--doc`".
 * rustdoc compiles and runs every doctest as its own children, so cancelling kills its group.
 */
import type { StatusVerb } from '@shared/models/build'
import { runningStatus } from '../compiler/events'
import { runProcess, type ProcessOutcome } from '../tools/run-process'
import { displayCommand, exitStatusText } from '../tools/process-status'
import { LibtestParser } from '../test-runner/libtest-parser'
import type { SuiteRun, TestRunIo } from '../test-runner/run-test-binaries'
import { SuiteCollector } from '../test-runner/suite-collector'
import type { DocTest } from './doc-test-plan'

/** cargo's status verb for a doc-test run. */
export const DOC_TESTS_VERB: StatusVerb = 'Doc-tests'

/** libtest exits 101 when tests fail; any other status is rustdoc itself going wrong. */
const TESTS_FAILED = 101

export async function runDocTest(test: DocTest, io: TestRunIo): Promise<SuiteRun> {
  const parser = new LibtestParser()
  const collector = new SuiteCollector(test.suite, io.sink)
  io.sink({ type: 'status', verb: DOC_TESTS_VERB, detail: test.name })
  io.sink(runningStatus(test.executable, test.args))
  const exit = await runProcess(test.executable, test.args, {
    cwd: test.cwd,
    env: test.env,
    ...(io.signal ? { signal: io.signal } : {}),
    onStdout: (text) => {
      io.sink({ type: 'output', source: 'program', stream: 'stdout', text })
      collector.accept(parser.push(text))
    },
    onStderr: (text) => io.sink({ type: 'output', source: 'program', stream: 'stderr', text })
  })
  io.sink({ type: 'program-exited', exitCode: exit.exitCode, signal: exit.signal })
  const success = !exit.cancelled && exit.exitCode === 0
  const base = { suite: test.suite, binary: test, exit, success }
  if (exit.cancelled) return { ...base, tests: collector.tests }
  collector.accept(parser.end())
  const abnormal = exit.exitCode !== 0 && exit.exitCode !== TESTS_FAILED
  const summary = collector.finish(abnormal ? exitStatusText(exit) : undefined)
  return { ...base, summary, tests: collector.tests }
}

/** What to pass cargo to run only these doc tests again: `--doc`, or `-p demo --doc`. */
export function docRerunArgs(test: Pick<DocTest, 'packageSpec'>): string {
  return test.packageSpec ? `-p ${test.packageSpec} --doc` : '--doc'
}

/**
 * cargo's `report_test_error` for a doctest: the plain line when libtest reported failures
 * (exit 101), else the rustdoc command and its status as the cause, with the hint about
 * captured output unless the tests already print theirs.
 */
export function reportDocTestFailure(
  test: DocTest,
  exit: ProcessOutcome,
  testArgs: readonly string[],
  io: TestRunIo
): void {
  const head = `doctest failed, to rerun pass \`${docRerunArgs(test)}\``
  if (exit.exitCode === TESTS_FAILED) {
    io.sink({ type: 'message', level: 'error', text: head })
    return
  }
  const command = displayCommand(test.executable, test.args)
  io.sink({
    type: 'message',
    level: 'error',
    text: `${head}\n\nCaused by:\n  process didn't exit successfully: \`${command}\` (${exitStatusText(exit)})`
  })
  const nocapture = testArgs.includes('--nocapture') || testArgs.includes('--no-capture')
  if (exit.exitCode !== null && test.libHarness && !nocapture)
    io.sink({
      type: 'message',
      level: 'note',
      text: 'test exited abnormally; to see the full output pass --no-capture to the harness.'
    })
}
