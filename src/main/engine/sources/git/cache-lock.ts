/**
 * One writer per cached repository at a time, in this process and across processes (the app,
 * the CLI, a second window), so two fetches of the same URL never interleave in one bare
 * repository or race to create it. In-process callers queue on a promise; other processes see
 * a lock file holding the owner's pid, and a lock whose owner died is taken over.
 */
import { randomUUID } from 'node:crypto'
import { link, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { cancelledError, throwIfCancelled } from './run-git'
import { isAlive, lockOwner } from '../../tools/process-alive'

const POLL_MS = 50
const queues = new Map<string, Promise<void>>()

async function acquireFileLock(path: string, onWait: () => void, signal?: AbortSignal): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // Written privately, then hard-linked into place: the lock never exists without its pid.
  const mine = `${path}.${randomUUID()}`
  await writeFile(mine, String(process.pid))
  let announced = false
  try {
    for (;;) {
      try {
        await link(mine, path)
        return
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const owner = await lockOwner(path)
      if (owner === undefined || (owner !== process.pid && !isAlive(owner))) {
        await rm(path, { force: true })
        continue
      }
      if (!announced) {
        announced = true
        onWait()
      }
      throwIfCancelled(signal)
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
  } finally {
    await rm(mine, { force: true })
  }
}

/** Waits for `turn`, or throws as soon as `signal` is aborted (the queue order is kept either way). */
function waitOrAbort(turn: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return turn
  throwIfCancelled(signal)
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
    void turn.then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    })
  })
}

/**
 * Runs `work` holding the lock at `path`. `onWait` is called once if another process holds it
 * (cargo's "Blocking waiting for file lock").
 */
export async function withCacheLock<T>(
  path: string,
  work: () => Promise<T>,
  options: { readonly onWait?: () => void; readonly signal?: AbortSignal } = {}
): Promise<T> {
  const before = queues.get(path) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((r) => (release = r))
  const tail = before.then(() => mine)
  queues.set(path, tail)
  try {
    await waitOrAbort(before, options.signal)
    await acquireFileLock(path, options.onWait ?? (() => {}), options.signal)
    try {
      return await work()
    } finally {
      await rm(path, { force: true })
    }
  } finally {
    release()
    if (queues.get(path) === tail) queues.delete(path)
  }
}
