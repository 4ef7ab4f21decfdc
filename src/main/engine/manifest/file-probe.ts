/**
 * "Is this a file?" for target discovery's conventional places (src/lib.rs, src/main.rs,
 * build.rs, src/bin/*, examples/…), answered from one listing per folder instead of a stat each:
 * a missing file cost a thrown error, and a 300-crate workspace asked some 2,000 times per build.
 * Answers match a stat's: symlinks, and names a case-insensitive disk might match, are stat-ed.
 */
import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { isFile } from '../tools/paths'

export interface FileProbe {
  isFile(path: string): Promise<boolean>
  /** The folder's entries; none when it does not exist. */
  list(dir: string): Promise<readonly Dirent[]>
}

/** Entries by name, or undefined when the folder could not be read (then every answer is a stat). */
type Listing = ReadonlyMap<string, Dirent> | undefined

export function fileProbe(): FileProbe {
  const listings = new Map<string, Promise<Listing>>()
  const listing = (dir: string): Promise<Listing> => {
    let l = listings.get(dir)
    if (!l) {
      l = readdir(dir, { withFileTypes: true }).then(
        (entries) => new Map(entries.map((e) => [e.name, e])),
        (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? new Map() : undefined)
      )
      listings.set(dir, l)
    }
    return l
  }
  return {
    async isFile(path) {
      const entries = await listing(dirname(path))
      if (!entries) return isFile(path)
      const name = basename(path)
      const entry = entries.get(name)
      if (entry?.isFile()) return true
      if (entry?.isSymbolicLink()) return isFile(path)
      if (entry) return false
      const lower = name.toLowerCase()
      for (const other of entries.keys()) if (other.toLowerCase() === lower) return isFile(path)
      return false
    },
    async list(dir) {
      const entries = await listing(dir)
      if (entries) return [...entries.values()]
      return readdir(dir, { withFileTypes: true }).catch(() => [])
    }
  }
}
