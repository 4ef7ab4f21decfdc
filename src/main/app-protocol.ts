/**
 * `app://crate-studio/…` serves the built renderer inside Electron instead of file://, so the
 * page has a real origin, a CSP header, and no access to the rest of the disk. Paths get the
 * same traversal checks as browser mode.
 */
import { readFile, realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import { protocol } from 'electron'
import { contentTypeFor, isHtml } from './bridge/content-types'
import { toSafeSegments } from './bridge/safe-path'
import { isInside } from './fs-paths'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://crate-studio`

/** The page's policy: scripts only from the app itself, never eval, no plugins, no framing. */
export const DESKTOP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const safe = toSafeSegments(url.pathname)
    if (url.host !== 'crate-studio' || !safe.ok) return new Response('Not found', { status: 404 })
    try {
      const root = await realpath(rendererDir)
      const file = await realpath(resolve(root, ...safe.segments))
      if (!isInside(root, file)) return new Response('Not found', { status: 404 })
      const headers: Record<string, string> = {
        'Content-Type': contentTypeFor(file),
        'X-Content-Type-Options': 'nosniff'
      }
      if (isHtml(file)) headers['Content-Security-Policy'] = DESKTOP_CSP
      return new Response(await readFile(file), { status: 200, headers })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
