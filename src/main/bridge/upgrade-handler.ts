/**
 * WebSocket upgrades on `/ws`. Browsers send cookies but apply no CORS to WebSocket
 * handshakes, so the Origin check is what stops another page from opening a socket. All
 * checks run before the handshake; a refused upgrade gets a plain HTTP error and no socket.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { checkToken, originAllowed, originForHost, TOKEN_PARAM } from './auth'
import type { BridgeContext } from './bridge-context'
import { refuseUpgrade } from './http-responses'
import { splitTarget } from './request-target'

/** The path of the WebSocket endpoint. */
export const SOCKET_PATH = '/ws'

export type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

/** The `upgrade` listener of the bridge's HTTP server; `accept` completes the handshake. */
export function createUpgradeHandler(ctx: BridgeContext, accept: UpgradeListener): UpgradeListener {
  return (req, socket, head) => {
    socket.on('error', (error) => ctx.logError('bridge:upgrade', error))
    const target = splitTarget(req.url)
    if (target?.rawPath !== SOCKET_PATH) return refuseUpgrade(socket, 404)
    const port = ctx.port()
    const servedOrigin = originForHost(req.headers.host, port)
    if (servedOrigin === null) return refuseUpgrade(socket, 403, 'Forbidden: unexpected Host header.')
    if (!originAllowed(req.headers.origin, servedOrigin))
      return refuseUpgrade(socket, 403, 'Forbidden: unexpected Origin.')
    const check = checkToken(ctx.token, target.query.get(TOKEN_PARAM), req.headers.cookie, port)
    if (check.kind === 'denied') return refuseUpgrade(socket, check.status)
    accept(req, socket, head)
  }
}
