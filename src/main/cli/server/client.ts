/**
 * The CLI's side of the build server: hands a build to the resident server for this app build
 * and relays its output, exit status and Ctrl+C. `undefined` means no server answered; the
 * caller then builds in its own process (and one is started for next time).
 */
import { connect, type Socket } from 'node:net'
import { frame, lineSplitter, type ClientMessage, type ServerMessage } from './frames'
import { serverPlace } from './server-place'
import { startServer } from './start-server'

const CONNECT_TIMEOUT_MS = 1000
const MAX_LINE_BYTES = 64 * 1024 * 1024

/** Commands the server runs; everything else (run, test: they own the terminal) runs here. */
const SERVED = new Set(['build', 'b'])

export function servable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return SERVED.has(argv[0] ?? '') && env.CRATE_STUDIO_DAEMON !== '0' && process.platform !== 'win32'
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
  const socket = await connectToServer(entry, process.env)
  if (!socket) {
    startServer(entry)
    return undefined
  }
  let code = 101
  let interrupts = 0
  const onSignal = () => {
    // As in-process: the first Ctrl+C cancels the build, a second leaves at once (the server
    // cancels a build whose client has gone).
    if (++interrupts > 1) process.exit(130)
    socket.write(frame({ kind: 'cancel' }))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const ended = await converse(
    socket,
    {
      kind: 'build',
      argv,
      cwd: process.cwd(),
      env: stringsOnly(process.env),
      stderrIsTty: process.stderr.isTTY === true,
      ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {})
    },
    (m) => {
      if (m.kind === 'out') process.stdout.write(m.text)
      else if (m.kind === 'err') process.stderr.write(m.text)
      else if (m.kind === 'exit') code = m.code
    }
  )
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
  if (!ended) {
    process.stderr.write(
      'error: the Crate Studio build server stopped before the build finished\n' +
        'note: run the build again; `CRATE_STUDIO_DAEMON=0` builds without the server\n'
    )
    return 101
  }
  return code
}

function stringsOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v
  return out
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
