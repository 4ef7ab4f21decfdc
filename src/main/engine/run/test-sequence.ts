/**
 * `cargo test`'s run after the build (`run_tests`, and `run_benches` without doc tests): every
 * harness in order, then each library's doc tests. Failing fast stops at the first failure, so
 * doc tests run after a failed harness only with `--no-fail-fast`; then every failed target is
 * listed at the end, doc tests as `--doc`.
 */
import {
  runTestBinaries,
  type SuiteRun,
  type TestRunIo,
  type TestRunOptions,
  type TestRunResult
} from '../test-runner/run-test-binaries'
import { rerunArgs, type TestBinary } from '../test-runner/test-binary'
import type { DocTest } from './doc-test-plan'
import { docRerunArgs, reportDocTestFailure, runDocTest } from './run-doc-test'

export type TestSequenceOptions = Pick<TestRunOptions, 'args' | 'noFailFast' | 'mode' | 'quiet'>

/** libtest's status for failed tests, and cargo's for a run that failed in several places. */
const TESTS_FAILED = 101

export async function runTestSequence(
  binaries: readonly TestBinary[],
  docTests: readonly DocTest[],
  o: TestSequenceOptions,
  io: TestRunIo
): Promise<TestRunResult> {
  const suites: SuiteRun[] = []
  const failed: string[] = []
  // One harness at a time, failing fast: the list of failed targets is this sequence's to print.
  const each: TestRunOptions = {
    args: o.args,
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.quiet ? { quiet: true } : {})
  }
  const cancelled = (): TestRunResult => ({ success: false, cancelled: true, suites, exitCode: TESTS_FAILED })
  const stop = (exitCode: number): TestRunResult => ({ success: false, cancelled: false, suites, exitCode })
  for (const binary of binaries) {
    const run = await runTestBinaries([binary], each, io)
    suites.push(...run.suites)
    if (run.cancelled) return cancelled()
    if (run.success) continue
    failed.push(rerunArgs(binary))
    if (!o.noFailFast) return stop(run.exitCode)
  }
  for (const test of docTests) {
    if (io.signal?.aborted) return cancelled()
    const run = await runDocTest(test, io)
    suites.push(run)
    if (run.exit.cancelled) return cancelled()
    if (run.success) continue
    failed.push(docRerunArgs(test))
    reportDocTestFailure(test, run.exit, o.args, io)
    if (!o.noFailFast) return stop(run.exit.exitCode ?? TESTS_FAILED)
  }
  if (failed.length > 0) {
    const noun = failed.length === 1 ? 'target' : 'targets'
    const list = failed.map((args) => `    \`${args}\``).join('\n')
    io.sink({ type: 'message', level: 'error', text: `${failed.length} ${noun} failed:\n${list}` })
  }
  return {
    success: failed.length === 0,
    cancelled: false,
    suites,
    exitCode: failed.length === 0 ? 0 : TESTS_FAILED
  }
}
