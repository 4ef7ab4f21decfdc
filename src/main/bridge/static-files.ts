/**
 * Serves the built renderer, and nothing else: the URL path must pass `toSafeSegments`, and
 * the file's real path (symlinks resolved) must still lie inside the renderer directory.
 */
import { open, realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { EngineError } from '../engine/errors'
import { isInside } from '../fs-paths'
import { contentTypeFor, isHtml } from './content-types'
import { contentSecurityPolicy, SECURITY_HEADERS, sendText } from './http-responses'
import { toSafeSegments } from './safe-path'

/** Resolves the renderer directory once, with an error that says how to fix a missing build. */
export async function resolveRendererDir(rendererDir: string): Promise<string> {
  try {
    const real = await realpath(rendererDir)
    if ((await stat(join(real, 'index.html'))).isFile()) return real
  } catch {
    // Missing or unreadable: the same advice below.
  }
  throw new EngineError(
    'not-found',
    `The browser UI is not built: ${join(rendererDir, 'index.html')} is missing.`,
    { hint: 'Run `npx electron-vite build` first.' }
  )
}

/** The real path of a regular file inside the root, or null. */
async function lookUp(rootReal: string, segments: readonly string[]): Promise<string | null> {
  const candidate = resolve(rootReal, ...segments)
  if (!isInside(rootReal, candidate)) return null
  try {
    const real = await realpath(candidate)
    return isInside(rootReal, real) ? real : null
  } catch {
    return null
  }
}

/**
 * Answers a GET or HEAD for `rawPath` (the request target before `?`). Directories, unknown
 * paths and symlinks that leave the directory are all a plain 404.
 */
export async function serveStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  rootReal: string,
  rawPath: string,
  port: number
): Promise<void> {
  const safe = toSafeSegments(rawPath)
  if (!safe.ok) return sendText(res, 400, `Bad path: ${safe.reason}.`)
  const filePath = await lookUp(rootReal, safe.segments)
  const file = filePath === null ? null : await open(filePath, 'r').catch(() => null)
  if (filePath === null || file === null) return sendText(res, 404)
  const info = await file.stat().catch(() => null)
  if (!info?.isFile()) {
    await file.close()
    return sendText(res, 404)
  }
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': String(info.size)
  }
  if (isHtml(filePath)) headers['Content-Security-Policy'] = contentSecurityPolicy(port)
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    await file.close()
    res.end()
    return
  }
  const stream = file.createReadStream()
  stream.on('error', () => res.destroy())
  res.on('close', () => stream.destroy())
  stream.pipe(res)
}
