/**
 * The resident build server behind `crate-studio build`: a Node process that keeps the engine
 * loaded and warm between builds, so a build started from the terminal skips Node's module
 * loading and the cold JIT (most of a no-op's time). Each build runs exactly as the CLI would,
 * with the client's argv, folder, environment and terminal, and is cancelled when the client
 * asks or goes away. The server leaves after `idleMs` without a build.
 */
import { chmod, unlink } from 'node:fs/promises'
import { connect, createServer, type Server, type Socket } from 'node:net'
import type { CliContext } from '../commands/shared'
import { frame, lineSplitter, type ServerMessage } from './frames'
import { clientMessageSchema } from './request-schema'

export type RunCli = (argv: readonly string[], ctx: CliContext) => Promise<number>

export interface ServeOptions {
  readonly socket: string
  readonly idleMs: number
  /** Runs one CLI command (`main`); only `build` reaches it. */
  readonly run: RunCli
  /** Ends the server (Ctrl+C on `daemon serve`). */
  readonly signal: AbortSignal
}

const MAX_REQUEST_BYTES = 16 * 1024 * 1024
const SERVED = new Set(['build', 'b'])

/** Serves until idle, stopped or aborted; resolves false when another server already listens. */
export async function serveBuilds(o: ServeOptions): Promise<boolean> {
  const startedAt = new Date().toISOString()
  const running = new Map<Socket, AbortController>()
  let builds = 0
  let idleTimer: NodeJS.Timeout | undefined
  let closing = false

  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    let asked = false
    socket.on(
      'data',
      lineSplitter(
        (line) => {
          const parsed = clientMessageSchema.safeParse(safeJson(line))
          if (!parsed.success) return void socket.destroy()
          const m = parsed.data
          if (m.kind === 'cancel') return void running.get(socket)?.abort()
          if (asked) return void socket.destroy()
          asked = true
          if (m.kind === 'status') {
            const status = {
              kind: 'status',
              pid: process.pid,
              startedAt,
              builds,
              running: running.size
            } as const
            return void socket.end(frame(status))
          }
          if (m.kind === 'stop') {
            socket.end(frame({ kind: 'exit', code: 0 }))
            return void stop()
          }
          void build(socket, m)
        },
        MAX_REQUEST_BYTES,
        () => socket.destroy()
      )
    )
  })

  const stop = () => {
    if (closing) return
    closing = true
    clearTimeout(idleTimer)
    for (const c of running.values()) c.abort()
    server.close()
  }
  const idle = () => {
    clearTimeout(idleTimer)
    if (running.size === 0) idleTimer = setTimeout(stop, o.idleMs)
  }

  const build = async (
    socket: Socket,
    m: {
      argv: string[]
      cwd: string
      env: Record<string, string>
      stderrIsTty: boolean
      stderrColumns?: number | undefined
    }
  ) => {
    const controller = new AbortController()
    running.set(socket, controller)
    clearTimeout(idleTimer)
    builds++
    // A client that goes away (Ctrl+C twice, a killed terminal) takes its build with it.
    socket.once('close', () => controller.abort())
    const send = (message: ServerMessage) => {
      if (!socket.destroyed) socket.write(frame(message))
    }
    let code = 101
    try {
      code = SERVED.has(m.argv[0]!)
        ? await o.run(m.argv, {
            cwd: m.cwd,
            env: m.env,
            stderrIsTty: m.stderrIsTty,
            ...(m.stderrColumns ? { stderrColumns: m.stderrColumns } : {}),
            signal: controller.signal,
            out: (text) => send({ kind: 'out', text }),
            err: (text) => send({ kind: 'err', text })
          })
        : (send({ kind: 'err', text: `error: the build server does not run \`${m.argv[0]}\`\n` }), 1)
    } catch (e) {
      send({ kind: 'err', text: `error: ${e instanceof Error ? e.message : String(e)}\n` })
    } finally {
      running.delete(socket)
      if (!socket.destroyed) socket.end(frame({ kind: 'exit', code }))
      if (!closing) idle()
    }
  }

  if (!(await listen(server, o.socket))) return false
  // The folder is already private; the socket is too, in case it is ever moved.
  await chmod(o.socket, 0o600).catch(() => undefined)
  o.signal.addEventListener('abort', stop, { once: true })
  idle()
  await new Promise<void>((resolve) => server.once('close', resolve))
  await unlink(o.socket).catch(() => undefined)
  return true
}

/** Listens on `path`, replacing a socket file left by a server that died; false if one is alive. */
async function listen(server: Server, path: string): Promise<boolean> {
  const attempt = () =>
    new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve)
      server.listen(path, () => {
        server.off('error', resolve)
        resolve(undefined)
      })
    })
  const first = await attempt()
  if (!first) return true
  if (first.code !== 'EADDRINUSE' || (await answers(path))) return false
  await unlink(path).catch(() => undefined)
  return (await attempt()) === undefined
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path)
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}
