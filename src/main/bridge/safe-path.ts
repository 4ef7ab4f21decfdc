/**
 * Turns the path of a request URL into path segments inside the renderer directory, or
 * refuses it. Pure, so every traversal trick can be tested without a server; the caller
 * still checks the real path on disk (symlinks) before serving anything.
 */

export type SafePath =
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly reason: string }

const refuse = (reason: string): SafePath => ({ ok: false, reason })

/**
 * `rawPath` is the request target before `?`, still percent-encoded. Refuses backslashes,
 * NUL, `.` and `..` segments (also encoded), hidden files and drive-like names. `/` maps
 * to `index.html`.
 */
export function toSafeSegments(rawPath: string): SafePath {
  if (!rawPath.startsWith('/')) return refuse('the path must start with "/"')
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return refuse('backslashes are not allowed')
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return refuse('the path is not valid percent-encoding')
  }
  if (decoded.includes('\0')) return refuse('NUL bytes are not allowed')
  if (decoded.includes('\\')) return refuse('backslashes are not allowed')
  const segments = decoded.split('/').filter((s) => s !== '')
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return refuse('"." and ".." segments are not allowed')
    if (segment.startsWith('.')) return refuse('hidden files are not served')
    if (segment.includes(':')) return refuse('":" is not allowed in a path segment')
  }
  if (segments.length === 0) return { ok: true, segments: ['index.html'] }
  return { ok: true, segments }
}
