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
import { converse, servable } from '../../../src/main/cli/server/client'
import { lineSplitter, type ServerMessage } from '../../../src/main/cli/server/frames'
import { serveBuilds, type RunCli } from '../../../src/main/cli/server/serve'
import { serverPlace } from '../../../src/main/cli/server/server-place'
import { tempDir } from '../../helpers/temp-dir'

const open = (path: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(path)
    s.once('connect', () => resolve(s))
    s.once('error', reject)
  })

async function startServer(run: RunCli, idleMs = 60_000, socket?: string) {
  socket ??= join(await tempDir('cs-server-'), 's.sock')
  const stopper = new AbortController()
  const served = serveBuilds({ socket, idleMs, run, signal: stopper.signal, requestTimeoutMs: 300 })
  // Answering, not merely present: a dead server's file may still be there.
  const path = socket
  await expect
    .poll(() =>
      open(path).then(
        (s) => (s.destroy(), true),
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
      { kind: 'started' },
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
    const other = await ask(server.socket, request(['new']))
    expect(other.got.at(-1)).toEqual({ kind: 'exit', code: 1 })
    expect(other.got[1]).toEqual({ kind: 'err', text: 'error: the build server does not run `new`\n' })
    expect((await ask(server.socket, request(['b']))).got).toEqual([
      { kind: 'started' },
      { kind: 'exit', code: 0 }
    ])
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
      { kind: 'started' },
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

describe('build server lifetimes', () => {
  it('drops a connection that never asks anything', async () => {
    const server = await startServer(() => Promise.resolve(0))
    const silent = await open(server.socket)
    await new Promise((r) => silent.once('close', r))
    server.stop()
    expect(await server.served).toBe(true)
  })

  it('never removes the socket of the server that replaced it', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<number>((r) => (release = () => r(0)))
    // A build that ignores its cancel keeps the old server open after it was told to stop.
    const old = await startServer(() => gate)
    const busy = await open(old.socket)
    const started = new Promise<void>((r) => busy.once('data', () => r()))
    busy.write(`${JSON.stringify(request(['build']))}\n`)
    await started
    old.stop()
    const next = await startServer(() => Promise.resolve(0), 60_000, old.socket)
    release()
    expect(await old.served).toBe(true)
    expect((await ask(next.socket, request(['build']))).got.at(-1)).toEqual({ kind: 'exit', code: 0 })
    next.stop()
    expect(await next.served).toBe(true)
    await expect(stat(next.socket)).rejects.toThrow()
  })
})

describe('line splitting', () => {
  it('joins lines across chunks and split characters, and refuses an endless line', () => {
    const lines: string[] = []
    let tooLong = 0
    const feed = lineSplitter(
      (l) => lines.push(l),
      12,
      () => tooLong++
    )
    const bytes = Buffer.from('{"a":"é"}\nsecond\n\nthird')
    for (let i = 0; i < bytes.length; i++) feed(bytes.subarray(i, i + 1))
    feed(Buffer.from('\n'))
    expect(lines).toEqual(['{"a":"é"}', 'second', 'third'])
    feed(Buffer.from('0123456789abcdef'))
    expect(tooLong).toBe(1)
    feed(Buffer.from('ok\n'))
    expect(lines.at(-1)).toBe('ok')
  })
})

describe('which commands the server takes', () => {
  it('build, test, bench and run, unless told not to or on a CI machine', () => {
    expect(['build', 'b', 'test', 't', 'bench', 'run', 'r'].every((c) => servable([c], {}))).toBe(true)
    expect(servable(['new'], {})).toBe(false)
    expect(servable([], {})).toBe(false)
    expect(servable(['build'], { CRATE_STUDIO_DAEMON: '0' })).toBe(false)
    expect(servable(['build'], { CI: 'true' })).toBe(false)
    expect(servable(['build'], { CI: 'true', CRATE_STUDIO_DAEMON: '1' })).toBe(true)
    expect(servable(['build'], { CI: 'false' })).toBe(true)
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
    expect(serverPlace(entry, { ...env, TMPDIR: '/elsewhere' })!.socket).not.toBe(place.socket)
    const umask = process.umask(0o077)
    try {
      expect(serverPlace(entry, env)!.socket).not.toBe(place.socket)
    } finally {
      process.umask(umask)
    }
    expect(process.umask(umask)).toBe(umask)
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
    const fresh = await tempDir('cs-runtime-')
    expect(serverPlace(join(fresh, 'no-entry.js'), { XDG_RUNTIME_DIR: fresh })).toBeUndefined()
    // A parent anyone may write to could have our folder renamed away, unless it is sticky.
    const shared = await tempDir('cs-runtime-')
    await chmod(shared, 0o777)
    expect(serverPlace(entry, { XDG_RUNTIME_DIR: shared })).toBeUndefined()
    await chmod(shared, 0o1777)
    expect(serverPlace(entry, { XDG_RUNTIME_DIR: shared })?.dir).toBe(join(shared, 'crate-studio'))
  })
})
