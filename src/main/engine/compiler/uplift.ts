/**
 * Copies a primary unit's outputs from deps/ to where users look for them
 * (target/debug/demo, target/debug/libdemo.rlib), as cargo does: a hard link made under a
 * temporary name and renamed into place, so the visible file is always whole.
 */
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { copyFile, link, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** Whether `to` is already a hard link to `from`: a fresh unit's uplift has nothing to do then. */
export function isLinked(from: string, to: string): boolean {
  const a = statSync(from, { bigint: true, throwIfNoEntry: false })
  const b = statSync(to, { bigint: true, throwIfNoEntry: false })
  return a !== undefined && b !== undefined && a.ino === b.ino && a.dev === b.dev
}

export async function uplift(from: string, to: string): Promise<void> {
  // Unique per call: parallel units finish in the same millisecond.
  const temp = join(dirname(to), `.${randomUUID()}.uplift`)
  try {
    await link(from, temp)
  } catch {
    await copyFile(from, temp)
  }
  try {
    await rename(temp, to)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}
