/**
 * The CLI's output channel: cargo-style status lines and messages on stderr, coloured only
 * when stderr is a terminal (or --color says so), program output left alone.
 */
import { colourVerb, levelLine, stripAnsi } from '@shared/format/ansi'
import { statusLine } from '@shared/format/status'
import { describeError, type AppError } from '@shared/ipc/result'

export type ColorChoice = 'auto' | 'always' | 'never'

export interface Terminal {
  readonly colour: boolean
  /** Columns the progress line may use. */
  readonly width: () => number
  status(verb: string, detail: string, warning?: boolean): void
  /** Text that may carry ANSI colours (rustc's rendering); stripped when colour is off. */
  stderr(text: string): void
  stdout(text: string): void
  error(error: AppError): void
  warning(text: string): void
  note(text: string): void
  /** Draws (or, with undefined, clears) the progress line; a no-op unless stderr is a terminal. */
  progress(line: string | undefined): void
}

export function useColour(choice: ColorChoice, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (choice === 'always') return true
  if (choice === 'never') return false
  if (env.CARGO_TERM_COLOR === 'always') return true
  if (env.CARGO_TERM_COLOR === 'never' || env.NO_COLOR) return false
  return isTty
}

export function createTerminal(
  colour: boolean,
  out: (text: string) => void = (t) => void process.stdout.write(t),
  rawErr: (text: string) => void = (t) => void process.stderr.write(t),
  showProgress = false,
  columns?: number
): Terminal {
  // Anything printed first wipes the progress line; the next event draws it again.
  let barShown = false
  const clearBar = () => {
    if (!barShown) return
    rawErr('\r\x1b[K')
    barShown = false
  }
  const err = (text: string) => {
    clearBar()
    rawErr(text)
  }
  const paint = (text: string) => (colour ? text : stripAnsi(text))
  return {
    colour,
    width: () => columns ?? (process.stderr.columns || 80),
    status(verb, detail, warning = false) {
      const line = statusLine(verb, detail)
      const padded = line.slice(0, 12)
      err(`${colour ? colourVerb(padded, warning) : padded}${line.slice(12)}\n`)
    },
    stderr: (text) => err(paint(text)),
    stdout: (text) => {
      clearBar()
      out(text)
    },
    error(e) {
      err(`${paint(levelLine('error', describeError(e)))}\n`)
      if (e.details?.hint) err(`${paint(levelLine('note', e.details.hint))}\n`)
    },
    warning: (text) => err(`${paint(levelLine('warning', text))}\n`),
    note: (text) => err(`${paint(levelLine('note', text))}\n`),
    progress(line) {
      if (!showProgress) return
      clearBar()
      if (line === undefined) return
      rawErr(colour ? line.replace('Building', '\x1b[1m\x1b[36mBuilding\x1b[0m') : line)
      barShown = true
    }
  }
}
