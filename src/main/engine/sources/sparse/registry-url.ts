/**
 * The source of a dependency that an index line places in another registry (`"registry": URL`).
 * Cargo reads the URL as a sparse index when it starts with `sparse+` and as a git index
 * otherwise. Both of crates.io's index URLs name crates.io itself, as cargo treats them: one
 * identity, whichever protocol serves it.
 */
import { CRATES_IO, CRATES_IO_INDEX, CRATES_IO_SPARSE, type SourceId } from '../source-id'

/** Ends a URL with `/`, the form sparse source IDs are kept in. */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

export function sourceIdOfRegistryUrl(url: string): SourceId {
  const trimmed = url.trim()
  if (trimmed === CRATES_IO_INDEX || withTrailingSlash(trimmed) === CRATES_IO_SPARSE) return CRATES_IO
  if (trimmed.startsWith('sparse+'))
    return { kind: 'sparse', url: withTrailingSlash(trimmed.slice('sparse+'.length)) }
  return { kind: 'registry', url: trimmed }
}
