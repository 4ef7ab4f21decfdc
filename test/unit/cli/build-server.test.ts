/**
 * The build server's protocol over a real Unix socket, with a stand-in for the CLI: requests are
 * checked, output and the exit status come back in order, a cancel or a vanished client aborts
 * the build, and the server leaves when stopped or idle.
 */
import { chmod, mkdir, stat, utimes, writeFile } from 'node:fs/promises'
import { connect, createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliContext } from '../../../src/main/cli/commands/shared'
import { converse } from '../../../src/main/cli/server/client'
import type { ServerMessage } from '../../../src/main/cli/server/frames'
import { serveBuilds, type RunCli } from '../../../src/main/cli/server/serve'
import { serverPlace } from '../../../src/main/cli/server/server-place'
import { tempDir } from '../../helpers/temp-dir'

const open = (path: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(path)
    s.once('connect', () => resolve(s))
    s.once('error', reject)
  })

async function startServer(run: RunCli, idleMs = 60_000) {
  const dir = await tempDir('cs-server-')
  const socket = join(dir, 's.sock')
  const stopper = new AbortController()
  const served = serveBuilds({ socket, idleMs, run, signal: stopper.signal })
  await expect
    .poll(() =>
      stat(socket).then(
        () => true,
        () => false
      )
    )
    .toBe(true)
  return { socket, served, stop: () => stopper.abort() }
}

const request = (argv: string[], extra: Partial<{ env: Record<string, string> }> = {}) => ({
  kind: 'build' as const,
  argv,
  cwd: '/somewhere',
  env: extra.env ?? { ONLY: 'client' },
  stderrIsTty: true,
  stderrColumns: 77
})

async function ask(socket: string, message: Parameters<typeof converse>[1]) {
  const got: ServerMessage[] = []
  const ended = await converse(await open(socket), message, (m) => got.push(m))
  return { ended, got }
}

describe('build server', () => {
  it('runs a build with the client’s folder, environment and terminal, and relays its output in order', async () => {
    let seen: CliContext | undefined
    const server = await startServer((argv, ctx) => {
      seen = ctx
      ctx.err?.('   Compiling x\n')
      ctx.out?.('{"reason":"build-finished"}\n')
      ctx.err?.(`args ${argv.join(' ')}\n`)
      return Promise.resolve(7)
    })
    const { ended, got } = await ask(server.socket, request(['build', '-v']))
    expect(ended).toBe(true)
    expect(got).toEqual([
      { kind: 'err', text: '   Compiling x\n' },
      { kind: 'out', text: '{"reason":"build-finished"}\n' },
      { kind: 'err', text: 'args build -v\n' },
      { kind: 'exit', code: 7 }
    ])
    expect(seen).toMatchObject({
      cwd: '/somewhere',
      env: { ONLY: 'client' },
      stderrIsTty: true,
      stderrColumns: 77
    })
    server.stop()
    expect(await server.served).toBe(true)
    await expect(stat(server.socket)).rejects.toThrow()
  })

  it('refuses what is not a build request, and keeps serving', async () => {
    const server = await startServer(() => Promise.resolve(0))
    for (const bad of [
      'not json',
      '{"kind":"build","argv":["build"]}',
      '{"kind":"shell","cmd":"rm -rf /"}'
    ]) {
      const s = await open(server.socket)
      const closed = new Promise((r) => s.once('close', r))
      s.write(`${bad}\n`)
      await closed
    }
    const other = await ask(server.socket, request(['run']))
    expect(other.got.at(-1)).toEqual({ kind: 'exit', code: 1 })
    expect(other.got[0]).toEqual({ kind: 'err', text: 'error: the build server does not run `run`\n' })
    expect((await ask(server.socket, request(['b']))).got).toEqual([{ kind: 'exit', code: 0 }])
    server.stop()
    await server.served
  })

  it('cancels a build when the client asks, and when the client goes away', async () => {
    const aborted: string[] = []
    const server = await startServer(
      (argv, ctx) =>
        new Promise((resolve) => {
          ctx.err?.('started\n')
          ctx.signal.addEventListener('abort', () => {
            aborted.push(argv[1]!)
            resolve(130)
          })
        })
    )
    const asked = await open(server.socket)
    const got: ServerMessage[] = []
    const done = converse(asked, request(['build', 'asked']), (m) => {
      got.push(m)
      if (m.kind === 'err') asked.write('{"kind":"cancel"}\n')
    })
    expect(await done).toBe(true)
    expect(got.at(-1)).toEqual({ kind: 'exit', code: 130 })

    const gone = await open(server.socket)
    gone.on('data', () => gone.destroy())
    gone.write(`${JSON.stringify(request(['build', 'gone']))}\n`)
    await expect.poll(() => aborted).toEqual(['asked', 'gone'])
    const status = await ask(server.socket, { kind: 'status' })
    expect(status.got).toEqual([
      expect.objectContaining({ kind: 'status', pid: process.pid, builds: 2, running: 0 })
    ])
    server.stop()
    await server.served
  })

  it('reports a build that throws as an error, not a lost connection', async () => {
    const server = await startServer(() => Promise.reject(new Error('boom')))
    const { ended, got } = await ask(server.socket, request(['build']))
    expect(ended).toBe(true)
    expect(got).toEqual([
      { kind: 'err', text: 'error: boom\n' },
      { kind: 'exit', code: 101 }
    ])
    server.stop()
    await server.served
  })

  it('stops when asked, cancelling a running build', async () => {
    let cancelled = false
    const server = await startServer(
      (_argv, ctx) =>
        new Promise((resolve) => {
          ctx.err?.('running\n')
          ctx.signal.addEventListener('abort', () => {
            cancelled = true
            resolve(130)
          })
        })
    )
    const running = await open(server.socket)
    let first: () => void = () => undefined
    const started = new Promise<void>((r) => (first = r))
    const build = converse(running, request(['build']), () => first())
    await started
    expect((await ask(server.socket, { kind: 'stop' })).got).toEqual([{ kind: 'exit', code: 0 }])
    expect(await server.served).toBe(true)
    expect(cancelled).toBe(true)
    expect(await build).toBe(true)
  })

  it('leaves by itself when idle', async () => {
    const server = await startServer(() => Promise.resolve(0), 300)
    expect((await ask(server.socket, request(['build']))).ended).toBe(true)
    expect(await server.served).toBe(true)
    await expect(stat(server.socket)).rejects.toThrow()
  })

  it('replaces a socket left by a dead server, but not a live one', async () => {
    const dir = await tempDir('cs-server-')
    const socket = join(dir, 's.sock')
    const dead = createServer()
    await new Promise<void>((r) => dead.listen(socket, r))
    // Closing a listening server removes its file; a crashed one leaves it behind, as this does.
    await new Promise<void>((r) => dead.close(() => r()))
    await writeFile(socket, '')
    const stopper = new AbortController()
    const served = serveBuilds({
      socket,
      idleMs: 60_000,
      run: () => Promise.resolve(0),
      signal: stopper.signal
    })
    await expect
      .poll(() =>
        open(socket).then(
          (s) => (s.destroy(), true),
          () => false
        )
      )
      .toBe(true)
    const second = await serveBuilds({
      socket,
      idleMs: 60_000,
      run: () => Promise.resolve(0),
      signal: stopper.signal
    })
    expect(second).toBe(false)
    stopper.abort()
    expect(await served).toBe(true)
  })
})

describe('server place', () => {
  it('is a private folder, named by the app build and home folder', async () => {
    const runtime = await tempDir('cs-runtime-')
    const entry = join(runtime, 'cli.js')
    await writeFile(entry, '// entry\n')
    const env = { XDG_RUNTIME_DIR: runtime, HOME: '/home/a' }
    const place = serverPlace(entry, env)!
    expect(place.dir).toBe(join(runtime, 'crate-studio'))
    expect((await stat(place.dir)).mode & 0o777).toBe(0o700)
    expect(serverPlace(entry, env)).toEqual(place)
    expect(serverPlace(entry, { ...env, HOME: '/home/b' })!.socket).not.toBe(place.socket)
    const later = new Date(Date.now() + 5000)
    await utimes(entry, later, later)
    expect(serverPlace(entry, env)!.socket).not.toBe(place.socket)
  })

  it('is refused when others may enter the folder or it cannot be made', async () => {
    const runtime = await tempDir('cs-runtime-')
    const entry = join(runtime, 'cli.js')
    await writeFile(entry, '')
    await mkdir(join(runtime, 'crate-studio'))
    await chmod(join(runtime, 'crate-studio'), 0o755)
    expect(serverPlace(entry, { XDG_RUNTIME_DIR: runtime })).toBeUndefined()
    expect(serverPlace(entry, { XDG_RUNTIME_DIR: join(runtime, 'missing') })).toBeUndefined()
    expect(
      serverPlace(join(runtime, 'no-entry.js'), { XDG_RUNTIME_DIR: runtime, HOME: '/x' })
    ).toBeUndefined()
  })
})
