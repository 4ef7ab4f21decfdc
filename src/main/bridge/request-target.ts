/**
 * Splits a request target (`req.url`) into its raw path and query. The path stays
 * percent-encoded on purpose: `new URL()` would quietly resolve `..` and `%2e%2e`, and the
 * static server wants to see (and refuse) them.
 */

export interface RequestTarget {
  /** Before `?`, still percent-encoded; always starts with `/`. */
  readonly rawPath: string
  readonly query: URLSearchParams
}

/** Null for targets that are not origin-form (`/path?query`), such as `*` or absolute URLs. */
export function splitTarget(url: string | undefined): RequestTarget | null {
  if (!url?.startsWith('/')) return null
  const q = url.indexOf('?')
  const rawPath = q < 0 ? url : url.slice(0, q)
  return { rawPath, query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) }
}

/**
 * Where to send the browser after the token moved into the cookie: the same path and query
 * without the token. Leading slashes collapse so `//evil.example` cannot become an open redirect.
 */
export function locationWithoutToken(target: RequestTarget, tokenParam: string): string {
  const query = new URLSearchParams(target.query)
  query.delete(tokenParam)
  const path = `/${target.rawPath.replace(/^[/\\]+/, '')}`
  const search = query.toString()
  return search ? `${path}?${search}` : path
}
