/**
 * The build server's wire format: one JSON object per line over a Unix socket, both ways. Kept
 * free of heavy imports, since the client side loads it on every CLI build.
 */
import { StringDecoder } from 'node:string_decoder'

/**
 * The commands the server runs. Their programs (rustc, build scripts, test harnesses) never get
 * the terminal, so running them in the server changes nothing, except `run`'s program: the
 * server hands that back to the client (`exec`), which runs it in its own terminal.
 */
export const SERVED_COMMANDS: ReadonlySet<string> = new Set(['build', 'b', 'test', 't', 'bench', 'run', 'r'])

/**
 * What the server accepts (request-schema.ts checks them; the client builds in-process rather
 * than send more): one request line, one argument, path or variable, and argument count.
 */
export const REQUEST_LIMITS = { lineBytes: 16 * 1024 * 1024, valueBytes: 1 << 20, args: 4096 } as const

/** An environment with only its set variables, as a request carries it. */
export function stringsOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  return out
}

/** What the CLI asks: a command as if run in its own terminal, and later perhaps to cancel it. */
export interface BuildRequest {
  readonly kind: 'build'
  readonly argv: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
  readonly stderrIsTty: boolean
  readonly stderrColumns?: number
}

/** How the program an `exec` asked for ended, or why it could not start. */
export interface ProgramExited {
  readonly kind: 'exited'
  readonly exitCode: number | null
  readonly signal: string | null
  readonly error?: string
}

export type ClientMessage =
  | BuildRequest
  | ProgramExited
  | { readonly kind: 'cancel' }
  | { readonly kind: 'status' }
  | { readonly kind: 'stop' }

export interface ServerStatus {
  readonly kind: 'status'
  readonly pid: number
  readonly startedAt: string
  readonly builds: number
  readonly running: number
}

/** Run this program in the client's terminal and answer with `exited`. */
export interface ExecProgram {
  readonly kind: 'exec'
  readonly program: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
}

export type ServerMessage =
  | { readonly kind: 'started' }
  | ExecProgram
  /** The server cancelled the command (stopped): end the program it asked for. */
  | { readonly kind: 'cancel' }
  | { readonly kind: 'out'; readonly text: string }
  | { readonly kind: 'err'; readonly text: string }
  | { readonly kind: 'exit'; readonly code: number }
  | ServerStatus

export function frame(message: ClientMessage | ServerMessage): string {
  return `${JSON.stringify(message)}\n`
}

/**
 * Splits a byte stream into lines and hands each one on. A line longer than `maxBytes` is
 * refused (`onTooLong`), so a misbehaving peer cannot fill memory.
 */
export function lineSplitter(
  onLine: (line: string) => void,
  maxBytes: number,
  onTooLong: () => void
): (chunk: Buffer) => void {
  // A character split between two chunks is joined, not garbled.
  const decoder = new StringDecoder('utf8')
  let parts: string[] = []
  let pendingBytes = 0
  return (chunk) => {
    const text = decoder.write(chunk)
    let start = 0
    // Only the new text is searched: a long line arriving in many chunks costs linear time.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const line = parts.join('') + text.slice(start, nl)
      parts = []
      pendingBytes = 0
      start = nl + 1
      if (line !== '') onLine(line)
    }
    const rest = text.slice(start)
    if (rest === '') return
    parts.push(rest)
    pendingBytes += Buffer.byteLength(rest)
    if (pendingBytes > maxBytes) {
      parts = []
      pendingBytes = 0
      onTooLong()
    }
  }
}
