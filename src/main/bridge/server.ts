/**
 * Browser mode: serves the built renderer and the same handlers as Electron IPC over a
 * WebSocket, on 127.0.0.1 only, behind a per-run token. `crate-studio web` starts it for
 * machines without the Electron binary and for E2E tests.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Publish } from '@shared/ipc/contract'
import { WebSocketServer } from 'ws'
import type { ErrorLogger, Handlers } from '../ipc/dispatch'
import { assertUsableToken, createToken, TOKEN_PARAM } from './auth'
import type { BridgeContext } from './bridge-context'
import { checkPort, listenOnLoopback, LOOPBACK_HOST } from './listen'
import { createRequestHandler } from './request-handler'
import { createSocketHub } from './socket-hub'
import { MAX_FRAME_BYTES } from './socket-protocol'
import { resolveRendererDir } from './static-files'
import { createUpgradeHandler } from './upgrade-handler'

export interface BridgeOptions {
  readonly handlers: Handlers
  /** The electron-vite renderer output (`out/renderer`), holding index.html and assets/. */
  readonly rendererDir: string
  /** 0 or undefined picks a random free port. */
  readonly port?: number
  /** Defaults to 32 random bytes, base64url. Pass one only when a test must know it in advance. */
  readonly token?: string
  /** Receives unexpected errors (handler bugs, socket errors); nothing is printed otherwise. */
  readonly logError?: ErrorLogger
}

export interface BridgeServer {
  /** What to open in a browser: `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string
  readonly port: number
  readonly token: string
  /** Where the listening socket is bound; always 127.0.0.1. */
  readonly address: AddressInfo
  /** Sends a push event to every connected browser tab. */
  readonly publish: Publish
  /** Drops every socket and stops listening. Safe to call twice. */
  close(): Promise<void>
}

/**
 * Starts the bridge; rejects with an EngineError a person can act on (port taken, renderer not
 * built, bad token).
 */
export async function startBridgeServer(options: BridgeOptions): Promise<BridgeServer> {
  const token = options.token ?? createToken()
  assertUsableToken(token)
  const requestedPort = checkPort(options.port ?? 0)
  const logError = options.logError ?? (() => {})
  const rootReal = await resolveRendererDir(options.rendererDir)

  let port = 0
  const ctx: BridgeContext = { token, rootReal, logError, port: () => port }
  const hub = createSocketHub(options.handlers, logError)
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    clientTracking: false,
    perMessageDeflate: false
  })
  wss.on('error', (error) => logError('bridge:websocket', error))
  const server = createServer()
  server.on('request', createRequestHandler(ctx))
  server.on(
    'upgrade',
    createUpgradeHandler(ctx, (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws))
    )
  )
  port = await listenOnLoopback(server, requestedPort)
  server.on('error', (error) => logError('bridge:server', error))
  const address = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      hub.terminateAll()
      wss.close()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }

  const origin = `http://${LOOPBACK_HOST}:${port}`
  return {
    url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    address,
    publish: hub.publish,
    close
  }
}
