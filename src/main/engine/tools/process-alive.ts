/**
 * Who holds a lock file or a temp folder: whether a process still runs (so its lock or
 * half-written folder must be left alone) and the pid a lock file names.
 */
import { readFile } from 'node:fs/promises'

/** Signal 0 probes without touching the process; EPERM means it runs under another user. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid written in a lock file, or undefined when there is none (gone, empty, garbage). */
export async function lockOwner(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}
