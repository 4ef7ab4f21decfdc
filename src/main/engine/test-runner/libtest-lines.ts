/**
 * The lines a libtest harness writes to stdout, recognised one at a time, in the wording of
 * Rust 1.95's pretty and terse formatters (`library/test/src/formatters/`). Anything else a
 * harness prints is the tests' own output and is left alone.
 */
import type { TestOutcome } from '@shared/models/build'

/** `test name ... <outcome>`, or just the outcome when the name was printed before the test ran. */
export interface OutcomeText {
  readonly outcome: TestOutcome
  /** `#[ignore = "reason"]`: "ignored, reason". */
  readonly ignoreReason?: string
  /** A benchmark's measurement, e.g. "1,234.56 ns/iter (+/- 7.89)". */
  readonly bench?: string
  /** `--ensure-time`: "FAILED (time limit exceeded)". */
  readonly timeLimitExceeded?: true
}

export interface ResultLine extends OutcomeText {
  readonly name: string
  /** Text in front of libtest's `test` on the same line: a test's unterminated `--nocapture` output. */
  readonly before: string
}

/** `test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 2 filtered out; finished in 0.00s` */
export interface SummaryLine {
  readonly ok: boolean
  readonly passed: number
  readonly failed: number
  readonly ignored: number
  readonly measured: number
  readonly filteredOut: number
  readonly elapsedMs?: number
}

// The outcome words of `write_result`, then `--report-time`'s optional " <0.001s>".
const OUTCOME = String.raw`(ok|FAILED|FAILED \(time limit exceeded\)|ignored|ignored, (.*)|bench: (.*?))(?: <\d+(?:\.\d+)?s>)?`
// `write_test_name`: the name (benchmarks padded with spaces), then " - should panic" and friends.
const MODE = / - (?:should panic|compile fail|compile)$/

const OUTCOME_ONLY = new RegExp(`^${OUTCOME}$`)
const STARTED = /^test (.+?) \.\.\. /
const RUNNING = /^running (\d+) (?:[a-z]+ )?tests?(?: \(shuffle seed: \d+\))?$/
const SUMMARY =
  /^test result: (ok|FAILED)\. (\d+) passed; (\d+) failed(?: \(\d+ allowed\))?; (\d+) ignored; (\d+) measured; (\d+) filtered out(?:; finished in (\d+(?:\.\d+)?)s)?$/
const TERSE_FAILED = /^(.+) --- FAILED$/
const TERSE_PROGRESS = /^(?:[.iFa]+|[.iFa]* \d+\/\d+)$/
const CAPTURED_HEADER = /^---- (.+) stdout ----$/
const SECTION = /^(failures|successes|failures \(time limit exceeded\)):$/

function outcomeOf(m: RegExpExecArray, at: number): OutcomeText {
  const word = m[at] ?? ''
  const reason = m[at + 1]
  const bench = m[at + 2]
  if (word === 'ok') return { outcome: 'ok' }
  if (word === 'FAILED') return { outcome: 'failed' }
  if (word.startsWith('FAILED')) return { outcome: 'failed', timeLimitExceeded: true }
  if (bench !== undefined) return { outcome: 'ok', bench: bench.trim() }
  return reason === undefined ? { outcome: 'ignored' } : { outcome: 'ignored', ignoreReason: reason }
}

/** The test's name as libtest printed it: without the padding and the " - should panic" mode. */
function nameOf(printed: string): string {
  return printed.replace(MODE, '').trimEnd()
}

/**
 * A whole `test name ... ok` line (possibly after unterminated output of another test). Scanned
 * by hand rather than with one regular expression: test output lines can be long, and nested
 * lazy patterns would make a long line that does not match cost quadratic time.
 */
export function parseResultLine(line: string): ResultLine | undefined {
  const start = line.indexOf('test ')
  if (start < 0) return undefined
  for (let dots = line.indexOf(' ... ', start + 5); dots >= 0; dots = line.indexOf(' ... ', dots + 1)) {
    const m = OUTCOME_ONLY.exec(line.slice(dots + 5))
    const name = m && nameOf(line.slice(start + 5, dots))
    if (m && name) return { name, before: line.slice(0, start), ...outcomeOf(m, 1) }
  }
  return undefined
}

/** Just the outcome, as `--test-threads=1` prints it once the test's own output is done. */
export function parseOutcome(text: string): OutcomeText | undefined {
  const m = OUTCOME_ONLY.exec(text)
  return m ? outcomeOf(m, 1) : undefined
}

/**
 * `test name ... ` at the start of a line that is not finished yet: a single-threaded harness
 * prints it before the test runs. Returns the name and how much of the line it took.
 */
export function parseStarted(text: string): { readonly name: string; readonly length: number } | undefined {
  const m = STARTED.exec(text)
  return m ? { name: nameOf(m[1] ?? ''), length: m[0].length } : undefined
}

/** `running 3 tests`: a run begins; the count is what the harness will report on. */
export function parseRunning(line: string): number | undefined {
  const m = RUNNING.exec(line)
  return m ? Number(m[1]) : undefined
}

export function parseSummary(line: string): SummaryLine | undefined {
  const m = SUMMARY.exec(line)
  if (!m) return undefined
  const seconds = m[7]
  return {
    ok: m[1] === 'ok',
    passed: Number(m[2]),
    failed: Number(m[3]),
    ignored: Number(m[4]),
    measured: Number(m[5]),
    filteredOut: Number(m[6]),
    ...(seconds !== undefined ? { elapsedMs: Math.round(Number(seconds) * 1000) } : {})
  }
}

/** `--quiet`: a failed test gets a line of its own ("tests::bad --- FAILED"). */
export function parseTerseFailure(line: string): string | undefined {
  return TERSE_FAILED.exec(line)?.[1]
}

/** `--quiet`: the dots of passed (`.`), ignored (`i`) and failed (`F`) tests, and " 87/96". */
export function isTerseProgress(line: string): boolean {
  return TERSE_PROGRESS.test(line)
}

/** `---- tests::bad stdout ----`: what a test printed follows, up to the next header. */
export function parseCapturedHeader(line: string): string | undefined {
  return CAPTURED_HEADER.exec(line)?.[1]
}

/** `failures:` / `successes:`: the heading of the captured-output section and of its name list. */
export function parseSection(line: string): 'failures' | 'successes' | undefined {
  const m = SECTION.exec(line)
  if (!m) return undefined
  return m[1] === 'successes' ? 'successes' : 'failures'
}
