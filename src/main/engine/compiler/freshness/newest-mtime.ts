/**
 * The modification time a watched path stands for: a file's own, or the newest of anything
 * inside a folder (cargo's rule for `rerun-if-changed` on a directory). When a build script
 * gives no rules, its whole package is watched, minus `target/` and hidden folders.
 */
import { statSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Undefined when the path cannot be read, which makes the unit dirty. */
export async function newestMtimeNs(
  path: string,
  skipTopLevel: ReadonlySet<string> = new Set()
): Promise<bigint | undefined> {
  // Watched paths are mostly single source files: a synchronous stat is cheaper than a trip
  // through the thread pool.
  const s = statSync(path, { bigint: true, throwIfNoEntry: false })
  if (!s) return undefined
  if (!s.isDirectory()) return s.mtimeNs
  // Only files count: a folder's own time changes whenever anything is created in it (a new
  // Cargo.lock, target/), which says nothing about the sources.
  let newest = 0n
  const walk = async (dir: string, top: boolean): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (top && skipTopLevel.has(e.name)) continue
      const full = join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name.startsWith('.')) continue
        await walk(full, false)
      } else {
        const t = await stat(full, { bigint: true }).then(
          (x) => x.mtimeNs,
          () => 0n
        )
        if (t > newest) newest = t
      }
    }
  }
  await walk(path, true)
  return newest === 0n ? s.mtimeNs : newest
}
