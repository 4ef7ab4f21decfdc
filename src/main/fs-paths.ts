/**
 * Path confinement shared by every place that serves or opens a file on someone else's behalf
 * (browser mode, the app:// protocol, open in editor), so they all agree on what "inside" means.
 */
import { isAbsolute, relative } from 'node:path'

/**
 * True when `candidate` is `root` itself or lies below it. Purely lexical: callers pass real
 * paths (fs.realpath) for both, or a symlink could lead outside.
 */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
