/**
 * `cargo test`'s run after the build (`run_tests`, and `run_benches` without doc tests): every
 * harness in order, then each library's doc tests. Failing fast stops at the first failure, so
 * doc tests run after a failed harness only with `--no-fail-fast`; then every failed target is
 * listed at the end, doc tests as `--doc`.
 */
import {
  finishRun,
  runHarness,
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
  const each: TestRunOptions = {
    args: o.args,
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.quiet ? { quiet: true } : {})
  }
  // Harnesses first, then doc tests: each step runs one and reports its own failure.
  const steps = [
    ...binaries.map((binary) => ({ rerun: rerunArgs(binary), run: () => runHarness(binary, each, io) })),
    ...docTests.map((test) => ({
      rerun: docRerunArgs(test),
      run: async () => {
        const run = await runDocTest(test, io)
        if (!run.success && !run.exit.cancelled) reportDocTestFailure(test, run.exit, o.args, io)
        return run
      }
    }))
  ]
  const cancelled = (): TestRunResult => ({ success: false, cancelled: true, suites, exitCode: TESTS_FAILED })
  for (const step of steps) {
    if (io.signal?.aborted) return cancelled()
    const run = await step.run()
    suites.push(run)
    if (run.exit.cancelled) return cancelled()
    if (run.success) continue
    failed.push(step.rerun)
    if (!o.noFailFast)
      return { success: false, cancelled: false, suites, exitCode: run.exit.exitCode ?? TESTS_FAILED }
  }
  return finishRun(suites, failed, io)
}
