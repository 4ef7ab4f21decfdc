/**
 * One build per build directory at a time, across processes (the app, its browser tabs, the
 * CLI). A lock file holds the owner's pid; a lock whose owner is gone is stale and taken over,
 * so a killed build never blocks the next one. A second build waits and says so, as cargo's
 * "Blocking waiting for file lock" does.
 */
import { randomUUID } from 'node:crypto'
import { link, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors'
import type { EventSink } from './events'
import { isAlive, lockOwner } from '../tools/process-alive'

const LOCK_FILE = '.crate-studio-lock'
const POLL_MS = 100

/** Waits for the lock on `dir`; resolves to its release function. */
export async function acquireBuildLock(
  dir: string,
  sink: EventSink,
  signal?: AbortSignal
): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, LOCK_FILE)
  let announced = false
  // The pid is written to a private file first and hard-linked into place, so the lock never
  // exists without its owner (link fails if the lock is already there).
  const mine = join(dir, `${LOCK_FILE}.${randomUUID()}`)
  await writeFile(mine, String(process.pid))
  try {
    for (;;) {
      try {
        await link(mine, path)
        return () => rm(path, { force: true })
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const owner = await lockOwner(path)
      if (owner === undefined || !isAlive(owner)) {
        // Left by a build that crashed or was killed.
        await rm(path, { force: true })
        continue
      }
      if (!announced) {
        announced = true
        sink({
          type: 'status',
          verb: 'Blocking',
          detail: 'waiting for file lock on build directory',
          warning: true
        })
      }
      if (signal?.aborted) {
        throw new EngineError('cancelled', 'The build was cancelled while waiting for the build directory.')
      }
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
  } finally {
    await rm(mine, { force: true })
  }
}
