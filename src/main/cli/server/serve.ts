/**
 * The resident build server behind `crate-studio build`: a Node process that keeps the engine
 * loaded and warm between builds, so a build started from the terminal skips Node's module
 * loading and the cold JIT (most of a no-op's time). Each build runs exactly as the CLI would,
 * with the client's argv, folder, environment and terminal, and is cancelled when the client
 * asks or goes away. The server leaves after `idleMs` without a build.
 */
import { chmod, lstat, rename, unlink } from 'node:fs/promises'
import { connect, createServer, type Server, type Socket } from 'node:net'
import type { CliContext } from '../commands/shared'
import { EngineError } from '../../engine/errors'
import type { ProcessOutcome } from '../../engine/tools/run-process'
import {
  frame,
  lineSplitter,
  REQUEST_LIMITS,
  SERVED_COMMANDS,
  stringsOnly,
  type BuildRequest,
  type ExecProgram,
  type ProgramExited,
  type ServerMessage
} from './frames'
import { clientMessageSchema } from './request-schema'

export type RunCli = (argv: readonly string[], ctx: CliContext) => Promise<number>

export interface ServeOptions {
  readonly socket: string
  readonly idleMs: number
  /** Runs one CLI command (`main`); only `build` reaches it. */
  readonly run: RunCli
  /** Ends the server (Ctrl+C on `daemon serve`). */
  readonly signal: AbortSignal
  /** How long a connection may stay silent before its request (default 5 s). */
  readonly requestTimeoutMs?: number
}

/** A connection that has not said what it wants by then is dropped: it must not keep the server. */
const REQUEST_TIMEOUT_MS = 5000

/** Serves until idle, stopped or aborted; resolves false when another server already listens. */
export async function serveBuilds(o: ServeOptions): Promise<boolean> {
  const startedAt = new Date().toISOString()
  const running = new Map<Socket, AbortController>()
  // A `run` whose program the client is running, waiting for its `exited`.
  const launched = new Map<Socket, (m: ProgramExited | undefined) => void>()
  const waiting = new Set<Socket>()
  let builds = 0
  let idleTimer: NodeJS.Timeout | undefined
  let closing = false

  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    waiting.add(socket)
    socket.setTimeout(o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, () => socket.destroy())
    socket.once('close', () => waiting.delete(socket))
    let asked = false
    socket.on(
      'data',
      lineSplitter(
        (line) => {
          const parsed = clientMessageSchema.safeParse(safeJson(line))
          if (!parsed.success) return void socket.destroy()
          const m = parsed.data
          if (m.kind === 'cancel') return void running.get(socket)?.abort()
          if (m.kind === 'exited') return void launched.get(socket)?.(m)
          if (asked) return void socket.destroy()
          asked = true
          socket.setTimeout(0)
          waiting.delete(socket)
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
          if (closing) return void socket.destroy()
          void build(socket, m)
        },
        REQUEST_LIMITS.lineBytes,
        () => socket.destroy()
      )
    )
  })

  const stop = () => {
    if (closing) return
    closing = true
    clearTimeout(idleTimer)
    for (const c of running.values()) c.abort()
    for (const s of waiting) s.destroy()
    server.close()
  }
  const idle = () => {
    clearTimeout(idleTimer)
    if (running.size === 0) idleTimer = setTimeout(stop, o.idleMs)
  }

  const build = async (socket: Socket, m: BuildRequest) => {
    const controller = new AbortController()
    running.set(socket, controller)
    clearTimeout(idleTimer)
    builds++
    // A client that goes away (Ctrl+C twice, a killed terminal) takes its build with it.
    socket.once('close', () => {
      controller.abort()
      launched.get(socket)?.(undefined)
    })
    const send = (message: ServerMessage) => {
      if (!socket.destroyed) socket.write(frame(message))
    }
    // Tells the client its build is in hand: a server too stuck to say so is given up on.
    send({ kind: 'started' })
    let code = 101
    try {
      code = SERVED_COMMANDS.has(m.argv[0]!)
        ? await o.run(m.argv, {
            cwd: m.cwd,
            env: m.env,
            stderrIsTty: m.stderrIsTty,
            ...(m.stderrColumns ? { stderrColumns: m.stderrColumns } : {}),
            signal: controller.signal,
            out: (text) => send({ kind: 'out', text }),
            err: (text) => send({ kind: 'err', text }),
            launchProgram: (program, args, run) =>
              launch(socket, send, controller.signal, {
                program,
                args: [...args],
                cwd: run.cwd,
                env: stringsOnly(run.env)
              })
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

  /** Hands `run`'s program to the client and waits for how it ended. */
  const launch = (
    socket: Socket,
    send: (m: ServerMessage) => void,
    signal: AbortSignal,
    exec: Omit<ExecProgram, 'kind'>
  ): Promise<ProcessOutcome> =>
    new Promise((resolve, reject) => {
      const cancelled = { exitCode: null, signal: null, cancelled: true }
      // Cancelled before the program could start (in-process, it is then never spawned).
      if (signal.aborted || socket.destroyed) return resolve(cancelled)
      // A cancel from this side (a stop) ends the program in the client's terminal.
      const onAbort = () => send({ kind: 'cancel' })
      signal.addEventListener('abort', onAbort, { once: true })
      launched.set(socket, (m) => {
        signal.removeEventListener('abort', onAbort)
        launched.delete(socket)
        // A client gone before answering took its program with it (it was in its terminal).
        if (!m) return resolve(cancelled)
        if (m.error !== undefined)
          return reject(
            new EngineError('not-found', `Could not start \`${exec.program}\`: ${m.error}`, {
              hint: 'Check that the program exists and is executable.'
            })
          )
        resolve({ exitCode: m.exitCode, signal: m.signal, cancelled: signal.aborted })
      })
      send({ kind: 'exec', ...exec })
    })

  const ino = await listen(server, o.socket)
  if (ino === undefined) return false
  o.signal.addEventListener('abort', stop, { once: true })
  idle()
  await new Promise<void>((resolve) => server.once('close', resolve))
  // Removed only while it is still this server's: a successor may have put its own in place.
  const now = await lstat(o.socket, { bigint: true }).catch(() => undefined)
  if (now?.ino === ino) await unlink(o.socket).catch(() => undefined)
  return true
}

/**
 * Listens on `path` and resolves the socket file's inode. The socket is made under a name of
 * this process's own and renamed into place, so a file left by a server that died is simply
 * replaced. Undefined when a live server already answers at `path`.
 */
async function listen(server: Server, path: string): Promise<bigint | undefined> {
  if (await answers(path)) return undefined
  const own = `${path}.${process.pid}`
  await unlink(own).catch(() => undefined)
  const failed = await new Promise<Error | undefined>((resolve) => {
    server.once('error', resolve)
    server.listen(own, () => {
      server.off('error', resolve)
      resolve(undefined)
    })
  })
  if (failed) return undefined
  // The folder is already private; the socket is too, in case it is ever moved.
  await chmod(own, 0o600).catch(() => undefined)
  const { ino } = await lstat(own, { bigint: true })
  // Two servers starting at once both get here; the second rename wins and the first, which no
  // client can reach, leaves when idle.
  await rename(own, path)
  return ino
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
