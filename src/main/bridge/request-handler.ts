/**
 * Plain HTTP requests: check Host and token first, move a URL token into the cookie, then
 * serve the built renderer read-only.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { checkToken, originForHost, TOKEN_PARAM, tokenCookie } from './auth'
import type { BridgeContext } from './bridge-context'
import { sendText } from './http-responses'
import { locationWithoutToken, splitTarget } from './request-target'
import { serveStaticFile } from './static-files'

/** Shown when a request has no token at all: the user probably typed the address by hand. */
export const MISSING_TOKEN_MESSAGE =
  'Unauthorized: open the address that `crate-studio web` printed; it carries the access token.'

async function handle(ctx: BridgeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const port = ctx.port()
  if (originForHost(req.headers.host, port) === null)
    return sendText(res, 403, 'Forbidden: unexpected Host header.')
  const target = splitTarget(req.url)
  if (target === null) return sendText(res, 400)
  const check = checkToken(ctx.token, target.query.get(TOKEN_PARAM), req.headers.cookie, port)
  switch (check.kind) {
    case 'denied':
      return sendText(
        res,
        check.status,
        check.status === 401 ? MISSING_TOKEN_MESSAGE : 'Forbidden: wrong access token.'
      )
    case 'set-cookie':
      return sendText(res, 302, 'Found', {
        Location: locationWithoutToken(target, TOKEN_PARAM),
        'Set-Cookie': tokenCookie(ctx.token, port)
      })
    case 'allowed':
      break
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, undefined, { Allow: 'GET, HEAD' })
  await serveStaticFile(req, res, ctx.rootReal, target.rawPath, port)
}

/** The `request` listener of the bridge's HTTP server. */
export function createRequestHandler(ctx: BridgeContext): RequestListener {
  return (req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      ctx.logError('bridge:http', error)
      if (res.headersSent) res.destroy()
      else sendText(res, 500)
    })
  }
}
