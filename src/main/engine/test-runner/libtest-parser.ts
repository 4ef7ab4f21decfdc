/**
 * libtest's human output (a test harness's stdout) turned into events as it streams: fed chunk
 * by chunk in the order they arrive, so results show while the harness still runs. Lines it
 * does not recognise come back as `text`; nothing is dropped or invented.
 */
import {
  isTerseProgress,
  parseCapturedHeader,
  parseOutcome,
  parseResultLine,
  parseRunning,
  parseSection,
  parseStarted,
  parseSummary,
  parseTerseFailure,
  type OutcomeText,
  type SummaryLine
} from './libtest-lines'

export type LibtestSection = 'failures' | 'successes'

export type LibtestEvent =
  | { readonly kind: 'run-started'; readonly count: number }
  /** One thread: libtest names the test before running it, so a hang shows which one. */
  | { readonly kind: 'test-started'; readonly name: string }
  | ({
      readonly kind: 'test-finished'
      readonly name: string
      /** What the test printed to stdout while it ran (`--nocapture` with one thread). */
      readonly output?: string
    } & OutcomeText)
  /** A `---- name stdout ----` block: the output libtest captured for that test. */
  | {
      readonly kind: 'captured-output'
      readonly section: LibtestSection
      readonly name: string
      readonly text: string
    }
  /** A name in the list that closes a section ("failures:\n    tests::bad"). */
  | { readonly kind: 'listed'; readonly section: LibtestSection; readonly name: string }
  | { readonly kind: 'summary'; readonly summary: SummaryLine }
  /** The output ended while this test was running: the harness died (abort, signal, exit). */
  | { readonly kind: 'unfinished'; readonly name: string; readonly output: string }
  /** A line that is not libtest's: a test's own `--nocapture` output, or anything unexpected. */
  | { readonly kind: 'text'; readonly text: string }

type Phase =
  | { readonly type: 'outside' }
  | { readonly type: 'tests' }
  /** Between a section heading and its name list: `---- name stdout ----` blocks. */
  | { readonly type: 'captured'; readonly section: LibtestSection; block?: { name: string; lines: string[] } }
  | { readonly type: 'list'; readonly section: LibtestSection }

interface Pending {
  readonly name: string
  output: string
}

const SLOW_WARNING = /^test .+ has been running for over \d+ seconds$/
const SUFFIXES = ['FAILED (time limit exceeded)', 'FAILED', 'ok'] as const
/** `test name ... ` longer than this is not libtest announcing a test. */
const MAX_NAME_LINE = 4096
const MAX_PENDING_OUTPUT = 1 << 20

export class LibtestParser {
  private rest = ''
  private phase: Phase = { type: 'outside' }
  /** The test a single-threaded harness announced and has not finished yet. */
  private pending: Pending | undefined
  /** `rest` continues a line whose `test name ... ` start was already taken. */
  private midLine = false
  private lastLineBlank = false
  /** Every test reported failed so far: only their names open a captured-output block. */
  private readonly failed = new Set<string>()
  private out: LibtestEvent[] = []

  /** Feeds the next chunk of stdout; returns the events it completes. */
  push(chunk: string): LibtestEvent[] {
    // Only the new text can hold the next newline: a long unterminated line is not rescanned.
    let nl = chunk.indexOf('\n')
    if (nl >= 0) nl += this.rest.length
    this.rest += chunk
    for (; nl >= 0; nl = this.rest.indexOf('\n')) {
      const line = this.rest.slice(0, nl).replace(/\r$/, '')
      this.rest = this.rest.slice(nl + 1)
      const continued = this.midLine
      this.midLine = false
      this.line(line, continued)
    }
    this.partial()
    // A line that never ends (a test printing without a newline) is handed on in pieces rather
    // than held whole; the piece kept back is enough to find a result glued to its end.
    if (this.rest.length > MAX_PENDING_OUTPUT) {
      const head = this.rest.slice(0, this.rest.length - MAX_NAME_LINE)
      this.rest = this.rest.slice(head.length)
      const continued = this.midLine
      this.midLine = true
      this.line(head, continued)
    }
    return this.take()
  }

  /** The output ended (the harness exited): finishes what is open. */
  end(): LibtestEvent[] {
    if (this.rest !== '') {
      const continued = this.midLine
      const line = this.rest
      this.rest = ''
      this.midLine = false
      this.line(line, continued)
    }
    if (this.pending) {
      this.emit({ kind: 'unfinished', name: this.pending.name, output: this.pending.output })
      this.pending = undefined
    }
    this.closeBlock(false)
    this.phase = { type: 'outside' }
    return this.take()
  }

  private take(): LibtestEvent[] {
    const events = this.out
    this.out = []
    return events
  }

  private emit(event: LibtestEvent): void {
    if (event.kind === 'test-finished' && event.outcome === 'failed') this.failed.add(event.name)
    this.out.push(event)
  }

  /** An unfinished line that already names the next test: report it started right away. */
  private partial(): void {
    if (this.midLine || this.phase.type !== 'tests' || !this.rest.startsWith('test ')) return
    const started = parseStarted(this.rest.slice(0, MAX_NAME_LINE))
    if (!started) return
    if (this.pending) this.settleFromOutput(this.pending)
    this.pending = { name: started.name, output: '' }
    this.emit({ kind: 'test-started', name: started.name })
    this.rest = this.rest.slice(started.length)
    this.midLine = true
  }

  private line(line: string, continued: boolean): void {
    const phase = this.phase
    const blank = line === ''
    if (phase.type === 'captured') this.capturedLine(phase, line)
    else if (phase.type === 'list') this.listLine(phase, line)
    else if (this.pending) this.pendingLine(this.pending, line, continued)
    else this.plainLine(line)
    this.lastLineBlank = blank
  }

  /** A line while a single-threaded test runs: its outcome, or something it printed. */
  private pendingLine(pending: Pending, line: string, continued: boolean): void {
    const outcome = parseOutcome(line)
    if (outcome) {
      this.pending = undefined
      this.finish(pending.name, outcome, pending.output)
      return
    }
    if (!continued && this.isStructural(line)) {
      // libtest moved on, so the outcome was glued to the end of the test's own output.
      this.settleFromOutput(pending)
      this.plainLine(line)
      return
    }
    if (SLOW_WARNING.test(line)) return
    pending.output += `${line}\n`
    // A test printing without end keeps only its latest output in memory (the console has it all).
    if (pending.output.length > 2 * MAX_PENDING_OUTPUT)
      pending.output = pending.output.slice(-MAX_PENDING_OUTPUT)
  }

  private isStructural(line: string): boolean {
    return (
      parseStarted(line) !== undefined ||
      parseResultLine(line) !== undefined ||
      parseSummary(line) !== undefined ||
      parseSection(line) !== undefined ||
      parseRunning(line) !== undefined
    )
  }

  /** The outcome is the last word of what the test printed ("partial outputok"). */
  private settleFromOutput(pending: Pending): void {
    this.pending = undefined
    // What follows the outcome (its newline, libtest's blank line before a section) is libtest's.
    const printed = pending.output.replace(/\n+$/, '')
    const word = SUFFIXES.find((w) => printed.endsWith(w))
    const outcome = word && parseOutcome(word)
    if (!word || !outcome) {
      if (pending.output) this.emit({ kind: 'text', text: pending.output })
      return
    }
    this.finish(pending.name, outcome, `${printed.slice(0, -word.length)}`)
  }

  private finish(name: string, outcome: OutcomeText, output: string): void {
    this.emit({ kind: 'test-finished', name, ...outcome, ...(output ? { output } : {}) })
  }

  /** Outside a test: libtest's own lines, or text. */
  private plainLine(line: string): void {
    const count = parseRunning(line)
    if (count !== undefined) {
      this.phase = { type: 'tests' }
      this.emit({ kind: 'run-started', count })
      return
    }
    const summary = parseSummary(line)
    if (summary) {
      this.phase = { type: 'outside' }
      this.emit({ kind: 'summary', summary })
      return
    }
    if (this.phase.type === 'tests' && this.testsLine(line)) return
    if (line !== '') this.emit({ kind: 'text', text: line })
  }

  private testsLine(line: string): boolean {
    const result = parseResultLine(line)
    if (result) {
      const { before, name, ...outcome } = result
      if (before) this.emit({ kind: 'text', text: before })
      this.finish(name, outcome, '')
      return true
    }
    const started = parseStarted(line)
    if (started) {
      // One thread with --nocapture: the test's output follows its name on the same line.
      const pending = { name: started.name, output: '' }
      this.pending = pending
      this.emit({ kind: 'test-started', name: started.name })
      this.pendingLine(pending, line.slice(started.length), true)
      return true
    }
    const section = parseSection(line)
    if (section) {
      this.phase = { type: 'captured', section }
      return true
    }
    const terse = parseTerseFailure(line)
    if (terse !== undefined) {
      this.finish(terse, { outcome: 'failed' }, '')
      return true
    }
    return isTerseProgress(line)
  }

  private capturedLine(phase: Extract<Phase, { type: 'captured' }>, line: string): void {
    const header = parseCapturedHeader(line)
    if (header !== undefined && this.opensBlock(phase.section, header)) {
      this.closeBlock(false)
      phase.block = { name: header, lines: [] }
      return
    }
    // The second heading starts the name list; libtest puts a blank line before it.
    if (parseSection(line) === phase.section && (this.lastLineBlank || !phase.block)) {
      this.closeBlock(true)
      this.phase = { type: 'list', section: phase.section }
      return
    }
    if (phase.block) phase.block.lines.push(line)
    else if (line !== '') {
      // Not libtest's section after all (a test printed "failures:"): back to the test lines.
      this.phase = { type: 'tests' }
      this.plainLine(line)
    }
  }

  /** Only a failed test's name opens a failures block, so a test printing `---- x stdout ----` does not. */
  private opensBlock(section: LibtestSection, name: string): boolean {
    return section === 'successes' || this.failed.size === 0 || this.failed.has(name)
  }

  /**
   * libtest writes each block as its output plus "\n", and one more "\n" before the list
   * heading: the last block loses that separating blank line too.
   */
  private closeBlock(last: boolean): void {
    const phase = this.phase
    if (phase.type !== 'captured' || !phase.block) return
    const { name, lines } = phase.block
    phase.block = undefined
    if (last && lines.at(-1) === '') lines.pop()
    this.emit({ kind: 'captured-output', section: phase.section, name, text: lines.join('\n') })
  }

  private listLine(phase: Extract<Phase, { type: 'list' }>, line: string): void {
    const m = /^ {4}(.+)$/.exec(line)
    if (m?.[1] !== undefined) {
      this.emit({ kind: 'listed', section: phase.section, name: m[1] })
      return
    }
    this.phase = { type: 'tests' }
    this.plainLine(line)
  }
}
