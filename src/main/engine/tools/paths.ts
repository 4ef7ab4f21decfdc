/** Path helpers shared by the engine: how cargo shows paths, and file-type checks. */
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'

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
