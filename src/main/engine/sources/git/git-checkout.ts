/**
 * One work tree per commit (`git/checkouts/<ident>/<short commit>`), cargo's `GitCheckout`.
 * A checkout is trusted only when it has cargo's `.cargo-ok` marker and its HEAD is the commit.
 * It is built in a temporary sibling directory — clone from the database (hard links), check
 * out, submodules, marker — and renamed into place last, so an interrupted checkout never has
 * the real name, and one left without the marker (by an older tool or a crash) is redone.
 */
import { randomUUID } from 'node:crypto'
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { revParse, runGit, throwIfCancelled } from './run-git'
import type { GitRun } from '../../tools/git'
import { isAlive } from '../../tools/process-alive'

/** cargo's completion marker; its presence means "checked out, submodules included". */
export const CHECKOUT_READY = '.cargo-ok'

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/** Whether `dir` is a finished checkout of `commit` (cargo's `is_fresh`). */
export async function isFreshCheckout(dir: string, commit: string, run: GitRun = {}): Promise<boolean> {
  // Without its own .git, `git rev-parse` would find an enclosing repository instead.
  if (!(await exists(join(dir, CHECKOUT_READY))) || !(await exists(join(dir, '.git')))) return false
  return (await revParse(dir, 'HEAD', run)) === commit
}

/**
 * Clones `commit` from the bare repository `db` into the empty or missing directory `dir`, with
 * files checked out as committed (`core.autocrlf` off, as cargo sets it).
 */
export async function cloneCommit(db: string, dir: string, commit: string, run: GitRun = {}): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dirname(dir), { recursive: true })
  await runGit(dirname(dir), ['clone', '--local', '--no-checkout', '--quiet', '--', db, dir], run)
  await runGit(dir, ['config', 'core.autocrlf', 'false'], run)
  await runGit(dir, ['checkout', '--force', '--detach', '--quiet', commit], run)
}

/** Temporary checkouts whose process is gone (killed mid-checkout) are removed. */
async function removeAbandoned(parent: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return
  }
  for (const name of names) {
    const m = /^\.tmp-.+-(\d+)-[0-9a-f-]{36}$/.exec(name)
    // Best effort: a git the dead process started may still be writing there (it outlives a
    // SIGKILL of its parent); this run works in a folder of its own, and a later one cleans up.
    if (m && !isAlive(Number(m[1])))
      await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined)
  }
}

export interface CheckoutRequest {
  readonly db: string
  readonly dir: string
  readonly commit: string
  /** The environment and cancellation of every git the checkout runs. */
  readonly run?: GitRun
  /** Runs `work` holding the database's lock (the clone reads the database). */
  readonly withDbLock: <T>(work: () => Promise<T>) => Promise<T>
  /** Announced once a checkout is really needed. */
  readonly onCheckout?: () => void
  /** Completes the work tree (submodules) before it is marked ready. */
  readonly complete?: (workTree: string) => Promise<void>
}

/** Makes `dir` a fresh checkout of `commit`; does nothing when it already is one. */
export async function ensureCheckout(req: CheckoutRequest): Promise<void> {
  const run = req.run ?? {}
  if (await isFreshCheckout(req.dir, req.commit, run)) return
  req.onCheckout?.()
  const parent = dirname(req.dir)
  await mkdir(parent, { recursive: true })
  await removeAbandoned(parent)
  const temp = join(parent, `.tmp-${basename(req.dir)}-${process.pid}-${randomUUID()}`)
  try {
    await req.withDbLock(() => cloneCommit(req.db, temp, req.commit, run))
    await req.complete?.(temp)
    throwIfCancelled(run.signal)
    await writeFile(join(temp, CHECKOUT_READY), '')
    for (let attempt = 0; ; attempt++) {
      // A stale checkout (no marker, wrong HEAD) gives way; a fresh one made meanwhile by
      // another process wins, and ours is dropped.
      if (await isFreshCheckout(req.dir, req.commit, run)) return
      await rm(req.dir, { recursive: true, force: true })
      try {
        await rename(temp, req.dir)
        return
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (attempt >= 2 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e
      }
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
