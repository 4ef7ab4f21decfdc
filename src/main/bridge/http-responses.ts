/**
 * Response headers and small canned responses. Every response, errors and redirects
 * included, carries the same hardening headers, so no path through the server forgets them.
 */
import type { ServerResponse } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'

/** Headers on every HTTP response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

/** The page may load only its own files and talk only to this server; no eval, no framing. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** A short plain-text answer (errors, 405); the body never contains file contents or stacks. */
export function sendText(
  res: ServerResponse,
  status: number,
  body: string = STATUS_CODES[status] ?? '',
  extraHeaders: Readonly<Record<string, string>> = {}
): void {
  const bytes = Buffer.from(`${body}\n`, 'utf8')
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(bytes.length)
  })
  res.end(res.req.method === 'HEAD' ? undefined : bytes)
}

/** Refuses a WebSocket upgrade with a plain HTTP answer before any handshake happens. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  body: string = STATUS_CODES[status] ?? ''
): void {
  const bytes = Buffer.from(`${body}\n`, 'utf8')
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${bytes.length}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`)
  ].join('\r\n')
  socket.on('error', () => {})
  if (!socket.writable) {
    socket.destroy()
    return
  }
  socket.once('finish', () => socket.destroy())
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), bytes]))
}
