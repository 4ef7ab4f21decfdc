/**
 * Where a configured source lives, and one key per location so a `SourceId` can be matched to
 * the `[source.NAME]` that configures it. Keys compare URLs the way cargo's `CanonicalUrl` does
 * (no trailing slash, no `.git`, GitHub paths lower-cased), so `https://github.com/Foo/bar.git`
 * and `https://github.com/foo/bar` are one source; a git source's locked commit is ignored.
 */
import type { SourceId } from '../sources/source-id'

export type SourceLocation =
  /** `registry = "…"`: a git-protocol index, or a sparse one (`sparse+https://…/`). */
  | { readonly kind: 'registry'; readonly id: Extract<SourceId, { kind: 'registry' | 'sparse' }> }
  | { readonly kind: 'git'; readonly id: Extract<SourceId, { kind: 'git' }> }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'local-registry'; readonly path: string }

/** cargo's canonical form of a URL, for identity only (never fetched). */
export function canonicalUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return text
  }
  let path = url.pathname
  if (path.endsWith('/')) path = path.slice(0, -1)
  if (url.hostname === 'github.com') path = path.toLowerCase()
  if (path.endsWith('.git')) path = path.slice(0, -'.git'.length)
  const host = url.host === '' ? '' : `//${url.username ? `${url.username}@` : ''}${url.host}`
  return `${url.protocol}${host}${path}${url.search}`
}

/** A key naming the same source as `locationKey` does for the location that defines it. */
export function sourceIdKey(id: SourceId): string {
  switch (id.kind) {
    case 'path':
      return `path+${id.path}`
    case 'registry':
    case 'sparse':
      return `${id.kind}+${canonicalUrl(id.url)}`
    case 'git': {
      const ref = id.ref.type === 'default' ? '' : `?${id.ref.type}=${id.ref.value}`
      return `git+${canonicalUrl(id.url)}${ref}`
    }
  }
}

export function locationKey(location: SourceLocation): string {
  switch (location.kind) {
    case 'registry':
    case 'git':
      return sourceIdKey(location.id)
    case 'directory':
      return `dir ${location.path}`
    case 'local-registry':
      return `local-registry ${location.path}`
  }
}
