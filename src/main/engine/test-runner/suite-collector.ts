/**
 * One harness's parser events turned into the operation's `test-result` events and its
 * summary. A passed or ignored test is reported at once; a failed one waits until libtest has
 * printed what it captured for it (the failures section, after the last test), so each test is
 * reported exactly once and with its output.
 */
import type { OperationEvent, TestOutcome, TestSuiteSummary } from '@shared/models/build'
import type { LibtestEvent } from './libtest-parser'
import type { SummaryLine } from './libtest-lines'

/** One test as the harness reported it. */
export interface TestCaseResult {
  readonly name: string
  readonly outcome: TestOutcome
  readonly output?: string
  /** A benchmark's measurement ("1,234.56 ns/iter (+/- 7.89)"). */
  readonly bench?: string
}

export class SuiteCollector {
  private readonly results: TestCaseResult[] = []
  private readonly reported = new Set<string>()
  /** Failed tests waiting for their captured output, with what they printed while running. */
  private readonly held = new Map<string, string>()
  private readonly unfinished: { name: string; output: string }[] = []
  private summary: SummaryLine | undefined

  constructor(
    private readonly suite: string,
    private readonly sink: (event: OperationEvent) => void
  ) {}

  get tests(): readonly TestCaseResult[] {
    return this.results
  }

  accept(events: readonly LibtestEvent[]): void {
    for (const e of events) this.acceptOne(e)
  }

  private acceptOne(e: LibtestEvent): void {
    switch (e.kind) {
      case 'test-finished':
        if (e.outcome === 'failed') this.held.set(e.name, e.output ?? '')
        else this.report({ name: e.name, outcome: e.outcome, ...(e.bench ? { bench: e.bench } : {}) })
        return
      case 'captured-output':
        if (e.section === 'failures') this.reportFailed(e.name, joinOutput(this.held.get(e.name), e.text))
        return
      case 'listed':
        if (e.section === 'failures') this.reportFailed(e.name, this.held.get(e.name) ?? '')
        return
      case 'summary':
        this.flushHeld()
        this.summary = this.summary ? addSummaries(this.summary, e.summary) : e.summary
        return
      case 'unfinished':
        this.unfinished.push({ name: e.name, output: e.output })
        return
      case 'run-started':
      case 'test-started':
      case 'text':
        return
    }
  }

  /**
   * The harness exited. `crash` describes an abnormal exit ("signal: 6, SIGABRT: …"); a test
   * that was running then is reported failed with it. Returns the suite's tally: libtest's own
   * when it printed one, else counted from the tests it reported before it stopped.
   */
  finish(crash: string | undefined): TestSuiteSummary {
    this.flushHeld()
    if (crash) {
      for (const u of this.unfinished) {
        const note = `the test harness stopped while this test was running (${crash})`
        this.reportFailed(u.name, joinOutput(u.output, note))
      }
    }
    const s = this.summary
    const count = (outcome: TestOutcome, bench: boolean) =>
      this.results.filter((r) => r.outcome === outcome && (r.bench !== undefined) === bench).length
    const summary: TestSuiteSummary = s
      ? {
          suite: this.suite,
          passed: s.passed,
          failed: s.failed,
          ignored: s.ignored,
          measured: s.measured,
          filteredOut: s.filteredOut,
          ...(s.elapsedMs !== undefined ? { elapsedMs: s.elapsedMs } : {})
        }
      : {
          suite: this.suite,
          passed: count('ok', false),
          failed: count('failed', false),
          ignored: count('ignored', false),
          measured: count('ok', true),
          filteredOut: 0
        }
    this.sink({ type: 'test-suite-finished', summary })
    return summary
  }

  private flushHeld(): void {
    for (const [name, output] of this.held) this.reportFailed(name, output)
  }

  private reportFailed(name: string, output: string): void {
    this.held.delete(name)
    this.report({ name, outcome: 'failed', ...(output ? { output: keepTail(output) } : {}) })
  }

  private report(result: TestCaseResult): void {
    if (this.reported.has(result.name)) return
    this.reported.add(result.name)
    this.results.push(result)
    this.sink({
      type: 'test-result',
      suite: this.suite,
      name: result.name,
      outcome: result.outcome,
      ...(result.output !== undefined ? { output: result.output } : {})
    })
  }
}

/** Beyond this a failure's output is cut to its end, where the panic message is; the console keeps all. */
export const MAX_TEST_OUTPUT = 200_000

function keepTail(output: string): string {
  if (output.length <= MAX_TEST_OUTPUT) return output
  const cut = output.length - MAX_TEST_OUTPUT
  return `[${cut} earlier characters left out; the console shows everything]\n${output.slice(cut)}`
}

function joinOutput(before: string | undefined, after: string): string {
  if (!before) return after
  if (!after) return before
  return before.endsWith('\n') ? before + after : `${before}\n${after}`
}

/** rustdoc runs some doctests merged and some alone: one tally per run, summed. */
function addSummaries(a: SummaryLine, b: SummaryLine): SummaryLine {
  const elapsed = (a.elapsedMs ?? 0) + (b.elapsedMs ?? 0)
  return {
    ok: a.ok && b.ok,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    ignored: a.ignored + b.ignored,
    measured: a.measured + b.measured,
    filteredOut: a.filteredOut + b.filteredOut,
    ...(a.elapsedMs !== undefined || b.elapsedMs !== undefined ? { elapsedMs: elapsed } : {})
  }
}
