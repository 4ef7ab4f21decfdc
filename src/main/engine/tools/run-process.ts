/**
 * The one way the engine starts external programs (rustc, build commands, the user's binary):
 * execa without a shell, its own process group, streamed output, and cancellation that kills
 * the whole group.
 */
import { loadExeca } from './lazy-modules'
import { EngineError } from '../errors'
import { killGroup, reapGroup, releaseGroup, trackGroup } from './process-group'

export interface RunProcessOptions {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal?: AbortSignal
  /** `inherit` hands the terminal to the program (the CLI's `run`); `pipe` streams to callbacks. */
  readonly stdio?: 'pipe' | 'inherit'
  readonly onStdout?: (text: string) => void
  readonly onStderr?: (text: string) => void
  /** Called with each complete stderr line instead of raw chunks (rustc's JSON). */
  readonly onStderrLine?: (line: string) => void
}

export interface ProcessOutcome {
  readonly exitCode: number | null
  readonly signal: string | null
  readonly cancelled: boolean
}

export async function runProcess(
  file: string,
  args: readonly string[],
  o: RunProcessOptions
): Promise<ProcessOutcome> {
  const { execa } = await loadExeca()
  // Checked after the load: a cancel that came while it loaded must still stop the spawn.
  if (o.signal?.aborted) return { exitCode: null, signal: null, cancelled: true }
  const inherit = o.stdio === 'inherit'
  const child = execa(file, args, {
    cwd: o.cwd,
    env: o.env,
    extendEnv: false,
    shell: false,
    reject: false,
    buffer: false,
    // Piped tools get their own process group so cancel reaches their children. A program given
    // the terminal stays in ours: it keeps its controlling terminal, and Ctrl+C reaches it directly.
    detached: !inherit && process.platform !== 'win32',
    stdin: inherit ? 'inherit' : 'ignore',
    stdout: inherit ? 'inherit' : 'pipe',
    stderr: inherit ? 'inherit' : 'pipe',
    windowsHide: true
  })
  const pid = child.pid
  let cancelled = false
  const grouped = !inherit && process.platform !== 'win32'
  const onAbort = () => {
    cancelled = true
    if (pid === undefined) return
    if (grouped) killGroup(pid)
    else child.kill('SIGTERM')
  }
  if (pid !== undefined && grouped) trackGroup(pid)
  o.signal?.addEventListener('abort', onAbort, { once: true })
  if (!inherit) {
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => o.onStdout?.(chunk))
    if (o.onStderrLine) splitLines(child.stderr, o.onStderrLine)
    else child.stderr?.on('data', (chunk: string) => o.onStderr?.(chunk))
  }
  try {
    const result = await child
    if (result.failed && result.exitCode === undefined && !result.signal && !cancelled) {
      throw new EngineError(
        'not-found',
        `Could not start \`${file}\`: ${result.originalMessage ?? result.shortMessage}`,
        {
          hint: 'Check that the program exists and is executable.'
        }
      )
    }
    return { exitCode: result.exitCode ?? null, signal: result.signal ?? null, cancelled }
  } finally {
    o.signal?.removeEventListener('abort', onAbort)
    if (pid !== undefined && grouped) {
      if (cancelled) reapGroup(pid)
      releaseGroup(pid)
    }
  }
}

function splitLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return
  let rest = ''
  stream.on('data', (chunk: string) => {
    rest += chunk
    let nl: number
    while ((nl = rest.indexOf('\n')) >= 0) {
      onLine(rest.slice(0, nl).replace(/\r$/, ''))
      rest = rest.slice(nl + 1)
    }
  })
  stream.on('end', () => {
    if (rest) onLine(rest)
    rest = ''
  })
}
