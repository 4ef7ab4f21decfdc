/**
 * `[patch.<source>]` tables, keyed the way cargo matches them: by the patched source's URL
 * (a git source whatever its branch or commit). `[patch.crates-io]` and crates.io's sparse
 * index both patch crates.io.
 */
import { CRATES_IO_INDEX, type SourceId } from '../../sources/source-id'
import type { Summary } from '../../sources/summary'
import { isCratesIo } from './package-keys'

function canonicalUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\.git$/, '')
}

/** The key a source is patched under. */
export function patchKeyOf(id: SourceId): string {
  switch (id.kind) {
    case 'registry':
    case 'sparse':
      return isCratesIo(id)
        ? CRATES_IO_INDEX
        : id.kind === 'sparse'
          ? `sparse+${id.url}`
          : canonicalUrl(id.url)
    case 'git':
      return canonicalUrl(id.url)
    case 'path':
      return `path:${id.path}`
  }
}

/**
 * Accepts `crates-io`, a URL, or a source ID string (`registry+…`, `sparse+…`, `git+…?branch=…#…`)
 * as the key of `ResolveInput.patches`.
 */
export function patchKeyOfText(text: string): string {
  if (text === 'crates-io' || text === 'sparse+https://index.crates.io/') return CRATES_IO_INDEX
  if (text.startsWith('registry+')) return canonicalUrl(text.slice('registry+'.length))
  if (text.startsWith('git+')) return canonicalUrl(text.slice(4).replace(/[?#].*$/, ''))
  if (text.startsWith('sparse+')) return text
  return canonicalUrl(text)
}

export function normalizePatches(
  patches: ReadonlyMap<string, readonly Summary[]> | undefined
): ReadonlyMap<string, readonly Summary[]> {
  const out = new Map<string, Summary[]>()
  for (const [key, list] of patches ?? []) {
    const k = patchKeyOfText(key)
    out.set(k, [...(out.get(k) ?? []), ...list])
  }
  return out
}
