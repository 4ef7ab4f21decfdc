/**
 * Who may talk to the bridge. Any web page the user visits can send requests to 127.0.0.1,
 * so every request must prove it comes from the tab we opened: the right Host (against DNS
 * rebinding), the per-run token (in the URL once, then in an HttpOnly cookie named after the
 * port), and for WebSockets the right Origin (browsers do not apply CORS to WebSocket
 * handshakes).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { EngineError } from '../engine/errors'

/** The token cookie's name without its port; see `tokenCookieName`. */
export const TOKEN_COOKIE_PREFIX = 'crate_studio_token_'

/**
 * The cookie that carries the token after the first visit: `crate_studio_token_<PORT>`.
 * Browsers send a host's cookies to every port on it, so with one shared name two
 * `crate-studio web` runs would overwrite each other's cookie.
 */
export function tokenCookieName(port: number): string {
  return `${TOKEN_COOKIE_PREFIX}${port}`
}

/** The query parameter that carries the token on the first visit. */
export const TOKEN_PARAM = 'token'

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,512}$/

/** A fresh per-run secret: 32 random bytes, base64url so it fits in a URL and a cookie as is. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** A caller-chosen token must be long enough to guess-proof and safe in a URL and a cookie. */
export function assertUsableToken(token: string): void {
  if (!TOKEN_SHAPE.test(token)) {
    throw new EngineError(
      'invalid-input',
      'The bridge token must be 16 to 512 characters of A-Z, a-z, 0-9, "-" or "_".',
      { hint: 'Leave the token out to get a random one.' }
    )
  }
}

/**
 * Constant-time comparison. Hashing both sides first gives equal lengths, so a wrong
 * length neither throws in timingSafeEqual nor leaks the token's length through timing.
 */
export function tokensMatch(expected: string, candidate: string): boolean {
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(candidate).digest()
  return timingSafeEqual(a, b)
}

/**
 * Every value of the token cookie for `port`; cookies for other ports are ignored. A browser
 * may still send several (e.g. set under different paths), so all are returned.
 */
export function readTokenCookies(cookieHeader: string | undefined, port: number): string[] {
  if (!cookieHeader) return []
  const name = tokenCookieName(port)
  const values: string[] = []
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    values.push(part.slice(eq + 1).trim())
  }
  return values
}

/** The Set-Cookie value for a good first visit: unreadable by scripts, never sent cross-site. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

export type TokenCheck =
  /** A good cookie (or, for WebSockets, a good query token): let the request through. */
  | { readonly kind: 'allowed' }
  /** A good query token on a page load: set the cookie and redirect to drop the token from the URL. */
  | { readonly kind: 'set-cookie' }
  | { readonly kind: 'denied'; readonly status: 401 | 403; readonly reason: string }

/** Checks the token from the query (if any, it must be right) or else from this port's cookie. */
export function checkToken(
  expected: string,
  queryToken: string | null,
  cookieHeader: string | undefined,
  port: number
): TokenCheck {
  if (queryToken !== null) {
    return tokensMatch(expected, queryToken)
      ? { kind: 'set-cookie' }
      : { kind: 'denied', status: 403, reason: 'wrong token' }
  }
  const cookies = readTokenCookies(cookieHeader, port)
  if (cookies.length === 0) return { kind: 'denied', status: 401, reason: 'missing token' }
  // Check every value without stopping early, so timing does not tell which one matched.
  const matches = cookies.map((value) => tokensMatch(expected, value))
  return matches.includes(true) ? { kind: 'allowed' } : { kind: 'denied', status: 403, reason: 'wrong token' }
}

/**
 * DNS-rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`. Returns the origin the page was served from, or null to refuse.
 */
export function originForHost(hostHeader: string | undefined, port: number): string | null {
  const host = hostHeader?.toLowerCase()
  if (host === `127.0.0.1:${port}`) return `http://127.0.0.1:${port}`
  if (host === `localhost:${port}`) return `http://localhost:${port}`
  return null
}

/** A WebSocket handshake must come from a page we served on the same host name. */
export function originAllowed(originHeader: string | undefined, servedOrigin: string): boolean {
  return originHeader !== undefined && originHeader.toLowerCase() === servedOrigin
}
