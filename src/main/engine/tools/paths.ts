/** Path helpers shared by the engine: how cargo shows paths, and file-type checks. */
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * True when `candidate` is `root` itself or lies below it. Purely lexical: callers pass real
 * paths (fs.realpath) for both, or a symlink could lead outside.
 */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** `path` relative to `from` with `/` separators when it lies below it, else the absolute path. */
export function relativeOrAbsolute(from: string, path: string): string {
  const rel = relative(from, path)
  return rel === '' || rel.startsWith('..') ? path : rel.split(sep).join('/')
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

const sourceUrls = new Map<string, string>()

/**
 * A path source's `file://` URL as cargo writes and compares it (no trailing slash). Remembered:
 * a build of a big workspace asks for the same few hundred paths many times over.
 */
export function pathSourceUrl(path: string): string {
  let url = sourceUrls.get(path)
  if (url === undefined) {
    url = pathToFileURL(path).href.replace(/\/$/, '')
    if (sourceUrls.size >= 10_000) sourceUrls.clear()
    sourceUrls.set(path, url)
  }
  return url
}
