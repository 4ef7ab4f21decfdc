/**
 * The browser bridge against real sockets: a temp renderer directory (with a symlink that
 * leaves it), fake handlers, and both raw HTTP/WebSocket clients and the page's transport.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApi } from '@shared/ipc/create-api'
import type { AppInfo } from '@shared/models/app'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startBridgeServer, type BridgeServer } from '../../src/main/bridge/server'
import { EngineError } from '../../src/main/engine/errors'
import type { Handlers } from '../../src/main/ipc/dispatch'
import {
  createWebSocketTransport,
  LOST_CONNECTION_MESSAGE,
  type WebSocketConstructor
} from '../../src/renderer/src/lib/bridge-transport'

const SECRET = 'TOP-SECRET-CONTENTS'
const INDEX_HTML =
  '<!doctype html><html><body><script type="module" src="/assets/app.js"></script></body></html>'
const APP_JS = 'console.log("crate studio")'

const appInfo: AppInfo = {
  name: 'Crate Studio',
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  homeDir: '/home/me',
  versions: { node: '20.0.0' }
}

interface Deferred<T> {
  readonly promise: Promise<T>
  resolve(value: T): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** Only the channels these tests call; the rest are missing on purpose. */
function fakeHandlers(slow?: Promise<null>): Handlers {
  const handlers: Partial<Handlers> = {
    getAppInfo: () => Promise.resolve(appInfo),
    openProject: () => Promise.reject(new Error('the schema should have refused this input')),
    listDirectory: () => Promise.reject(new Error('disk on fire')),
    openInEditor: () => slow ?? Promise.resolve(null)
  }
  return handlers as Handlers
}

interface Reply {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** A raw HTTP request: the path goes out exactly as written (fetch would normalize `..`). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET'
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

interface SocketOptions {
  readonly origin?: string
  readonly cookie?: string
  readonly host?: string
  readonly path?: string
}

/** Opens a WebSocket, or rejects with ws's error (which names the HTTP status). */
function openSocket(server: BridgeServer, options: SocketOptions = {}): Promise<WebSocket> {
  const headers: Record<string, string> = {}
  if (options.cookie !== undefined) headers.cookie = options.cookie
  if (options.host !== undefined) headers.host = options.host
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/ws'}`, {
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    headers
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

/** The `name=value` a browser sends back for the token cookie of `server`'s port. */
function tokenCookiePair(server: BridgeServer, token = server.token): string {
  return `crate_studio_token_${server.port}=${token}`
}

function authedSocket(server: BridgeServer): Promise<WebSocket> {
  return openSocket(server, { origin: server.origin, cookie: tokenCookiePair(server) })
}

/** Collects every JSON message so tests can await the one they want. */
function inbox(ws: WebSocket) {
  const messages: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  ws.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>)
    for (const wake of waiters.splice(0)) wake()
  })
  return async function next(
    match: (m: Record<string, unknown>) => boolean
  ): Promise<Record<string, unknown>> {
    for (;;) {
      const found = messages.find(match)
      if (found) return found
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
}

async function invokeRaw(ws: WebSocket, id: number, channel: string, input?: unknown) {
  const next = inbox(ws)
  ws.send(JSON.stringify({ type: 'invoke', id, channel, input }))
  const message = await next((m) => m.type === 'result' && m.id === id)
  return message.result as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

/** The transport over the `ws` client, which (unlike a browser) must be told the Origin and cookie. */
function authedSocketClass(server: BridgeServer): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin: server.origin, headers: { cookie: tokenCookiePair(server) } })
    }
  }
}

let root: string
let rendererDir: string
let server: BridgeServer
const logged: { channel: string; error: unknown }[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crate-studio-bridge-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP_JS)
  await writeFile(join(root, 'package.json'), SECRET)
  await symlink(join(root, 'package.json'), join(rendererDir, 'assets', 'leak.js'))
  await symlink(root, join(rendererDir, 'outside'))
  server = await startBridgeServer({
    handlers: fakeHandlers(),
    rendererDir,
    logError: (channel, error) => logged.push({ channel, error })
  })
})

afterAll(async () => {
  await server.close()
  await rm(root, { recursive: true, force: true })
})

const cookie = () => ({ cookie: tokenCookiePair(server) })

describe('binding', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: server.port })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`)
  })

  it.runIf(process.platform === 'linux')('refuses connections to another loopback address', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: server.port })
      socket.once('connect', () => {
        socket.destroy()
        resolve('connected')
      })
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(outcome).toBe('ECONNREFUSED')
  })

  // EngineErrors, so the CLI prints them as plain `error:` lines rather than as bugs.
  it('explains a port that is already in use', async () => {
    const error = await startBridgeServer({ handlers: fakeHandlers(), rendererDir, port: server.port }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({
      code: 'already-exists',
      message: `port ${server.port} is already in use`,
      details: { hint: 'pass --port with another port' }
    })
  })

  it('explains a renderer that was not built', async () => {
    const error = await startBridgeServer({
      handlers: fakeHandlers(),
      rendererDir: join(root, 'nope')
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/The browser UI is not built/) as string,
      details: { hint: expect.stringMatching(/npx electron-vite build/) as string }
    })
  })

  it('refuses an unusable port or token as invalid input', async () => {
    for (const options of [{ port: 70000 }, { port: 1.5 }, { token: 'short' }]) {
      const error = await startBridgeServer({ handlers: fakeHandlers(), rendererDir, ...options }).catch(
        (e: unknown) => e
      )
      expect(error, JSON.stringify(options)).toBeInstanceOf(EngineError)
      expect(error).toMatchObject({ code: 'invalid-input' })
    }
  })
})

describe('HTTP authentication', () => {
  it('answers 401 without a token', async () => {
    const reply = await get(server.port, '/')
    expect(reply.status).toBe(401)
    expect(reply.body).not.toContain('<html')
  })

  it('answers 403 to a wrong token in the URL or the cookie', async () => {
    expect((await get(server.port, '/?token=wrong')).status).toBe(403)
    expect((await get(server.port, '/', { cookie: tokenCookiePair(server, 'wrong') })).status).toBe(403)
  })

  it('moves a URL token into an HttpOnly SameSite=Strict cookie, then the cookie works', async () => {
    const first = await get(server.port, `/?token=${server.token}`)
    expect(first.status).toBe(302)
    expect(first.headers.location).toBe('/')
    expect(first.headers['set-cookie']).toEqual([
      `crate_studio_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`
    ])
    const cookiePair = first.headers['set-cookie']?.[0]?.split(';')[0] ?? ''
    const page = await get(server.port, '/', { cookie: cookiePair })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)
  })

  it('keeps the path and other query parameters when redirecting, but never off-site', async () => {
    const reply = await get(server.port, `/assets/app.js?v=2&token=${server.token}`)
    expect(reply.headers.location).toBe('/assets/app.js?v=2')
    const sneaky = await get(server.port, `//evil.example/?token=${server.token}`)
    expect(sneaky.headers.location).toBe('/evil.example/')
  })

  it('ignores the cookie of another port, so two runs on one host keep their own', async () => {
    const token = server.token
    const other = await startBridgeServer({ handlers: fakeHandlers(), rendererDir, token })
    try {
      // Same token, other port's cookie name: not ours, so as good as no cookie.
      expect((await get(server.port, '/', { cookie: tokenCookiePair(other) })).status).toBe(401)
      expect((await get(other.port, '/', { cookie: tokenCookiePair(server) })).status).toBe(401)
      expect((await get(server.port, '/', { cookie: `crate_studio_token=${token}` })).status).toBe(401)
      await expect(
        openSocket(server, { origin: server.origin, cookie: tokenCookiePair(other) })
      ).rejects.toThrow(/401/)
      // The browser sends both runs' cookies to each port; each run reads only its own.
      const both = { cookie: `${tokenCookiePair(other, 'x'.repeat(20))}; ${tokenCookiePair(server)}` }
      expect((await get(server.port, '/', both)).status).toBe(200)
      expect((await get(other.port, '/', both)).status).toBe(403)
      const first = await get(other.port, `/?token=${token}`)
      expect(first.headers['set-cookie']?.[0]).toMatch(new RegExp(`^crate_studio_token_${other.port}=`))
    } finally {
      await other.close()
    }
  })

  it('answers 403 to a foreign Host header, even with a good cookie (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      expect((await get(server.port, '/', { ...cookie(), host })).status).toBe(403)
    }
    expect((await get(server.port, '/', { ...cookie(), host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('allows only GET and HEAD', async () => {
    const post = await get(server.port, '/', cookie(), 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    const head = await get(server.port, '/', cookie(), 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)))
  })
})

describe('static files', () => {
  it('serves index.html with a strict CSP and no eval', async () => {
    const reply = await get(server.port, '/', cookie())
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = reply.headers['content-security-policy'] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-eval')
  })

  it('serves assets with their content type and the hardening headers', async () => {
    const reply = await get(server.port, '/assets/app.js', cookie())
    expect(reply.status).toBe(200)
    expect(reply.body).toBe(APP_JS)
    expect(reply.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-store'
    })
    expect(reply.headers['content-security-policy']).toBeUndefined()
  })

  it('puts the hardening headers on errors too', async () => {
    const reply = await get(server.port, '/')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/x',
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%2f..%2fetc/passwd',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets\\..\\..\\package.json',
    '/assets%5c..%5c..%5cpackage.json',
    '/index.html%00.js',
    '/outside/package.json'
  ])('refuses the traversal %s', async (path) => {
    const reply = await get(server.port, path, cookie())
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.status).toBeLessThan(500)
    expect(reply.body).not.toContain(SECRET)
  })

  it('answers 404 for a directory, with no listing', async () => {
    for (const path of ['/assets', '/assets/']) {
      const reply = await get(server.port, path, cookie())
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('app.js')
    }
  })

  it('answers 404 for a symlink that leaves the renderer directory', async () => {
    const reply = await get(server.port, '/assets/leak.js', cookie())
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain(SECRET)
  })

  it('answers 404 for an unknown path', async () => {
    expect((await get(server.port, '/assets/missing.js', cookie())).status).toBe(404)
  })
})

describe('WebSocket handshake', () => {
  it('refuses a foreign Origin', async () => {
    await expect(
      openSocket(server, { origin: 'http://evil.example', cookie: tokenCookiePair(server) })
    ).rejects.toThrow(/403/)
    await expect(
      openSocket(server, {
        origin: `http://localhost:${server.port}`,
        cookie: tokenCookiePair(server)
      })
    ).rejects.toThrow(/403/)
    await expect(openSocket(server, { cookie: tokenCookiePair(server) })).rejects.toThrow(/403/)
  })

  it('refuses a socket without a token, or with a wrong one', async () => {
    await expect(openSocket(server, { origin: server.origin })).rejects.toThrow(/401/)
    await expect(
      openSocket(server, { origin: server.origin, cookie: tokenCookiePair(server, 'nope') })
    ).rejects.toThrow(/403/)
  })

  it('refuses a foreign Host and paths other than /ws', async () => {
    const auth = { origin: server.origin, cookie: tokenCookiePair(server) }
    await expect(openSocket(server, { ...auth, host: 'evil.example' })).rejects.toThrow(/403/)
    await expect(openSocket(server, { ...auth, path: '/other' })).rejects.toThrow(/404/)
  })

  it('accepts localhost when the page was served from localhost', async () => {
    const ws = await openSocket(server, {
      origin: `http://localhost:${server.port}`,
      host: `localhost:${server.port}`,
      cookie: tokenCookiePair(server)
    })
    ws.close()
  })
})

describe('WebSocket protocol', () => {
  it('answers an invoke with the handler result', async () => {
    const ws = await authedSocket(server)
    expect(await invokeRaw(ws, 1, 'getAppInfo')).toEqual({ ok: true, value: appInfo })
    ws.close()
  })

  it('validates the input with the contract', async () => {
    const ws = await authedSocket(server)
    const result = await invokeRaw(ws, 2, 'openProject', { path: 'relative/path' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    ws.close()
  })

  it('answers unknown-channel for a channel the contract does not have', async () => {
    const ws = await authedSocket(server)
    expect(await invokeRaw(ws, 3, 'deleteEverything')).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' }
    })
    expect(await invokeRaw(ws, 4, '__proto__')).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' }
    })
    ws.close()
  })

  it('turns a throwing handler into an internal error without a stack trace', async () => {
    const ws = await authedSocket(server)
    const result = await invokeRaw(ws, 5, 'listDirectory', { path: '/tmp' })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(result.error?.message).toContain('disk on fire')
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\(|\.ts:\d+/)
    expect(logged.some((entry) => entry.channel === 'listDirectory')).toBe(true)
    ws.close()
  })

  it('publishes events to connected sockets', async () => {
    const [a, b] = await Promise.all([authedSocket(server), authedSocket(server)])
    const [nextA, nextB] = [inbox(a), inbox(b)]
    server.publish('menuCommand', 'build')
    const expected = { type: 'event', event: 'menuCommand', payload: 'build' }
    expect(await nextA((m) => m.type === 'event')).toEqual(expected)
    expect(await nextB((m) => m.type === 'event')).toEqual(expected)
    a.close()
    b.close()
  })

  it('survives malformed frames and still answers afterwards', async () => {
    const ws = await authedSocket(server)
    const next = inbox(ws)
    ws.send('not json')
    ws.send('null')
    ws.send('[1,2]')
    ws.send(Buffer.from([0, 1, 2]), { binary: true })
    ws.send(JSON.stringify({ type: 'invoke', channel: 'getAppInfo' }))
    ws.send(JSON.stringify({ type: 'invoke', id: 10 }))
    ws.send(JSON.stringify({ type: 'nope', id: 11, channel: 'getAppInfo' }))
    expect(await next((m) => m.id === 10)).toMatchObject({
      result: { ok: false, error: { code: 'invalid-input' } }
    })
    expect(await next((m) => m.id === 11)).toMatchObject({
      result: { ok: false, error: { code: 'invalid-input' } }
    })
    expect(await invokeRaw(ws, 12, 'getAppInfo')).toMatchObject({ ok: true })
    ws.close()
  })

  it('closes a socket that sends an oversized frame, and keeps serving others', async () => {
    const ws = await authedSocket(server)
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)))
    ws.on('error', () => {})
    ws.send('x'.repeat(1024 * 1024 + 1))
    expect(await closed).toBe(1009)
    const other = await authedSocket(server)
    expect(await invokeRaw(other, 13, 'getAppInfo')).toMatchObject({ ok: true })
    other.close()
  })
})

describe('the page transport', () => {
  it('queues calls until the socket opens and matches results by id', async () => {
    const transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws`, authedSocketClass(server))
    const api = createApi(transport)
    const [info, invalid] = await Promise.all([api.getAppInfo(), api.openProject({ path: 'relative' })])
    expect(info).toEqual({ ok: true, value: appInfo })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    transport.close()
  })

  it('delivers push events to subscribers until they unsubscribe', async () => {
    const transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws`, authedSocketClass(server))
    const api = createApi(transport)
    const received: string[] = []
    const first = deferred<void>()
    const unsubscribe = api.onMenuCommand((command) => {
      received.push(command)
      first.resolve()
    })
    await api.getAppInfo()
    server.publish('menuCommand', 'run')
    await first.promise
    unsubscribe()
    server.publish('menuCommand', 'cancel')
    await api.getAppInfo()
    expect(received).toEqual(['run'])
    transport.close()
  })

  it('fails calls in flight when the connection drops, then reconnects', async () => {
    const release = deferred<null>()
    const token = 'a-fixed-token-for-the-reconnect-test'
    const first = await startBridgeServer({ handlers: fakeHandlers(release.promise), rendererDir, token })
    const transport = createWebSocketTransport(`ws://127.0.0.1:${first.port}/ws`, authedSocketClass(first), {
      initialDelayMs: 10,
      maxDelayMs: 50
    })
    const api = createApi(transport)
    expect(await api.getAppInfo()).toMatchObject({ ok: true })
    const inFlight = api.openInEditor({ path: '/tmp/x.rs' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await first.close()
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'internal', message: LOST_CONNECTION_MESSAGE }
    })
    release.resolve(null)

    const second = await startBridgeServer({ handlers: fakeHandlers(), rendererDir, token, port: first.port })
    try {
      let result = await api.getAppInfo()
      for (let i = 0; !result.ok && i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        result = await api.getAppInfo()
      }
      expect(result).toEqual({ ok: true, value: appInfo })
    } finally {
      transport.close()
      await second.close()
    }
  })

  it('fails calls once closed', async () => {
    const transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws`, authedSocketClass(server))
    transport.close()
    expect(await transport.invoke('getAppInfo', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })
})
