/**
 * A cache folder name for one registry. Everything the sparse source keeps (index copies,
 * archives, unpacked packages) assumes its folder serves a single registry, the way cargo keeps
 * `registry/{index,cache,src}/<host>-<hash>/`; this name gives each index URL its own folder.
 */
import { createHash } from 'node:crypto'

/** `<host>-<16 hex digits>`: the host for people, a hash of the URL (without `sparse+`) for uniqueness. */
export function registryCacheFolderName(indexUrl: string): string {
  const bare = indexUrl.replace(/^sparse\+/, '')
  const host = new URL(bare).host.replace(/[^A-Za-z0-9.-]/g, '_')
  const hash = createHash('sha256').update(bare).digest('hex').slice(0, 16)
  return `${host}-${hash}`
}
