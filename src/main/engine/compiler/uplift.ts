/**
 * Copies a primary unit's outputs from deps/ to where users look for them
 * (target/debug/demo, target/debug/libdemo.rlib), as cargo does: a hard link made under a
 * temporary name and renamed into place, so the visible file is always whole.
 */
import { randomUUID } from 'node:crypto'
import { copyFile, link, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'

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
