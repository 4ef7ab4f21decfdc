/**
 * The CLI's side of the build server: hands a command (build, test, bench, run) to the resident
 * server for this app build and relays its output, exit status and Ctrl+C, and runs `run`'s
 * program in this terminal when the server says so. `undefined` means no server answered; the
 * caller then runs the command in its own process (and one is started for next time).
 */
import { connect, type Socket } from 'node:net'
import {
  frame,
  lineSplitter,
  REQUEST_LIMITS,
  SERVED_COMMANDS,
  stringsOnly,
  type ClientMessage,
  type ServerMessage
} from './frames'
import { serverPlace } from './server-place'
import { startServer } from './start-server'
import { TerminalProgram } from './terminal-program'

const CONNECT_TIMEOUT_MS = 1000
/** A server that takes longer to accept a build is stuck: the build runs here instead. */
const START_TIMEOUT_MS = 3000
/** After a cancel, how long the server has to confirm before this process leaves by itself. */
const CANCEL_GRACE_MS = 3000
const MAX_LINE_BYTES = 64 * 1024 * 1024

/**
 * Whether this command goes to the server: `CRATE_STUDIO_DAEMON=0` says never, `=1` always; on
 * a CI machine (`CI` set) it is off by default, since a one-off job would only leave a server
 * behind.
 */
export function servable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (!SERVED_COMMANDS.has(argv[0] ?? '') || process.platform === 'win32') return false
  const choice = env.CRATE_STUDIO_DAEMON
  if (choice === '0') return false
  return choice === '1' || !env.CI || env.CI === 'false' || env.CI === '0'
}

/** Connects to the server for `entry`, or resolves undefined when none is listening. */
export async function connectToServer(entry: string, env: NodeJS.ProcessEnv): Promise<Socket | undefined> {
  const place = serverPlace(entry, env)
  if (!place) return undefined
  return new Promise((resolve) => {
    const socket = connect(place.socket)
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(undefined)
    }, CONNECT_TIMEOUT_MS)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.once('error', () => {
      clearTimeout(timer)
      resolve(undefined)
    })
  })
}

/**
 * Sends `message` and feeds each answer to `onMessage` until the server ends the conversation;
 * resolves whether it did so properly (an `exit` or `status` seen) or vanished.
 */
export function converse(
  socket: Socket,
  message: ClientMessage,
  onMessage: (m: ServerMessage) => void
): Promise<boolean> {
  return new Promise((resolve) => {
    let ended = false
    socket.on(
      'data',
      lineSplitter(
        (line) => {
          const m = parseServerMessage(line)
          if (!m) return
          if (m.kind === 'exit' || m.kind === 'status') ended = true
          onMessage(m)
        },
        MAX_LINE_BYTES,
        () => socket.destroy()
      )
    )
    socket.on('error', () => undefined)
    socket.on('close', () => resolve(ended))
    socket.write(frame(message))
  })
}

/** The exit status of `argv` built by the server, or undefined to build here. */
export async function buildThroughServer(
  argv: readonly string[],
  entry: string
): Promise<number | undefined> {
  const request = {
    kind: 'build' as const,
    argv,
    cwd: process.cwd(),
    env: stringsOnly(process.env),
    stderrIsTty: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {})
  }
  if (!fitsServer(request)) return undefined
  const socket = await connectToServer(entry, process.env)
  if (!socket) {
    startServer(entry)
    return undefined
  }
  let code = 101
  let started = false
  let interrupts = 0
  let program: TerminalProgram | undefined
  const stuck = setTimeout(() => socket.destroy(), START_TIMEOUT_MS)
  const onSignal = () => {
    // As in-process: the first Ctrl+C (or SIGTERM) cancels the command, a second leaves at once.
    if (++interrupts > 1) process.exit(130)
    socket.write(frame({ kind: 'cancel' }))
    // A program in this terminal got the Ctrl+C too, and is ended as `run` ends it in-process;
    // its exit then ends the command. Otherwise the server has a moment to confirm.
    if (program?.running) program.stop()
    else setTimeout(() => process.exit(130), CANCEL_GRACE_MS).unref()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const ended = await converse(socket, request, (m) => {
    if (m.kind === 'started') {
      started = true
      clearTimeout(stuck)
    } else if (m.kind === 'out') process.stdout.write(m.text)
    else if (m.kind === 'err') process.stderr.write(m.text)
    else if (m.kind === 'exit') code = m.code
    else if (m.kind === 'cancel') program?.stop()
    else if (m.kind === 'exec') {
      // Cancelled already: the program must not start after the Ctrl+C.
      if (interrupts > 0) return void socket.write(frame({ kind: 'exited', exitCode: null, signal: null }))
      const launched = new TerminalProgram(m)
      program = launched
      void launched.exited.then((exited) => {
        if (!socket.destroyed) socket.write(frame(exited))
      })
    }
  })
  clearTimeout(stuck)
  // A server gone while the program runs leaves the program its terminal; its status is run's.
  const orphan = !ended && program?.running ? await program.exited : undefined
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
  if (!started && interrupts === 0) {
    process.stderr.write('warning: the Crate Studio build server did not answer; building without it\n')
    return undefined
  }
  if (orphan) {
    process.stderr.write('warning: the Crate Studio build server stopped while the program ran\n')
    return orphan.exitCode ?? 101
  }
  if (!ended) {
    process.stderr.write(
      'error: the Crate Studio build server stopped before the build finished\n' +
        'note: run the build again; `CRATE_STUDIO_DAEMON=0` builds without the server\n'
    )
    return 101
  }
  return code
}

/** Whether the server would take the request (see request-schema.ts). */
function fitsServer(request: { argv: readonly string[]; cwd: string; env: Record<string, string> }): boolean {
  const values = [...request.argv, request.cwd, ...Object.keys(request.env), ...Object.values(request.env)]
  const { args, valueBytes, lineBytes } = REQUEST_LIMITS
  if (request.argv.length > args || values.some((v) => Buffer.byteLength(v) > valueBytes)) return false
  return Buffer.byteLength(JSON.stringify(request)) < lineBytes
}

/** The server is this user's own process, but its lines are still checked before use. */
function parseServerMessage(line: string): ServerMessage | undefined {
  let m: unknown
  try {
    m = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof m !== 'object' || m === null) return undefined
  const r = m as Record<string, unknown>
  if ((r.kind === 'out' || r.kind === 'err') && typeof r.text === 'string')
    return { kind: r.kind, text: r.text }
  if (r.kind === 'exit' && Number.isInteger(r.code)) return { kind: 'exit', code: r.code as number }
  if (r.kind === 'started') return { kind: 'started' }
  if (r.kind === 'cancel') return { kind: 'cancel' }
  if (
    r.kind === 'exec' &&
    typeof r.program === 'string' &&
    typeof r.cwd === 'string' &&
    Array.isArray(r.args) &&
    r.args.every((a) => typeof a === 'string') &&
    typeof r.env === 'object' &&
    r.env !== null &&
    Object.values(r.env).every((v) => typeof v === 'string')
  )
    return {
      kind: 'exec',
      program: r.program,
      args: r.args,
      cwd: r.cwd,
      env: r.env as Record<string, string>
    }
  if (r.kind === 'status' && typeof r.pid === 'number')
    return {
      kind: 'status',
      pid: r.pid,
      startedAt: String(r.startedAt),
      builds: Number(r.builds),
      running: Number(r.running)
    }
  return undefined
}
