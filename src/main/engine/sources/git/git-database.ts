/**
 * The cache's bare repository for one URL (`git/db/<ident>`), cargo's `GitDatabase`. It is
 * created in a temporary directory and renamed into place, so a half-created one never has the
 * real name; one that is there but is not a repository is thrown away and made again. An
 * interrupted fetch leaves it usable (git updates refs atomically); its stale lock and temporary
 * pack files are cleared before the next fetch, under the cache lock, when no git can own them.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isNotFound } from '../../errors'
import type { GitRun } from '../../tools/git'
import type { FetchPlan } from './git-refs'
import { revParse, runGit } from './run-git'

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** What git itself checks before it accepts a directory as a repository. */
export async function isBareRepository(path: string): Promise<boolean> {
  return (
    (await isFile(join(path, 'HEAD'))) &&
    (await isFile(join(path, 'config'))) &&
    (await isDirectory(join(path, 'objects'))) &&
    (await isDirectory(join(path, 'refs')))
  )
}

/** Whether the database directory exists and is a repository (what offline work can use). */
export async function databaseExists(path: string): Promise<boolean> {
  return isBareRepository(path)
}

/** Removes the database, then creates an empty one atomically (`git init --bare` + rename). */
export async function createDatabase(path: string, run: GitRun = {}): Promise<void> {
  await rm(path, { recursive: true, force: true })
  const parent = dirname(path)
  await mkdir(parent, { recursive: true })
  const temp = join(parent, `.tmp-${basename(path)}-${randomUUID()}`)
  try {
    await mkdir(temp)
    await runGit(temp, ['init', '--bare', '--quiet'], run)
    await rename(temp, path)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

async function removeLockFiles(dir: string): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (e) {
    if (isNotFound(e)) return
    throw e
  }
  for (const entry of entries) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) await removeLockFiles(full)
    else if (entry.name.endsWith('.lock')) await rm(full, { force: true })
  }
}

/**
 * Clears what a killed `git fetch` leaves behind: `*.lock` files (which would make the next
 * fetch fail) and temporary packs and quarantine directories. Call only under the cache lock.
 */
export async function clearInterruptedFetch(path: string): Promise<void> {
  for (const name of [
    'HEAD.lock',
    'config.lock',
    'packed-refs.lock',
    'shallow.lock',
    'index.lock',
    'FETCH_HEAD.lock'
  ])
    await rm(join(path, name), { force: true })
  await removeLockFiles(join(path, 'refs'))
  for (const dir of [join(path, 'objects'), join(path, 'objects', 'pack')]) {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      continue
    }
    for (const name of names) {
      if (/^(tmp_pack_|tmp_idx_|tmp_rev_|tmp_objdir-incoming-|incoming-)/.test(name))
        await rm(join(dir, name), { recursive: true, force: true })
    }
  }
}

/** `git fetch` of cargo's refspecs. `url` is already validated; `--` ends git's options. */
export async function fetchIntoDatabase(
  path: string,
  url: string,
  plan: FetchPlan,
  run: GitRun = {}
): Promise<void> {
  await clearInterruptedFetch(path)
  await runGit(
    path,
    [
      'fetch',
      plan.tags ? '--tags' : '--no-tags',
      '--force',
      '--update-head-ok',
      '--quiet',
      '--',
      url,
      ...plan.refspecs
    ],
    run
  )
}

/** Whether the database has this commit (cargo's `GitDatabase::contains`). */
export async function databaseHasCommit(path: string, oid: string, run: GitRun = {}): Promise<boolean> {
  return (await revParse(path, `${oid}^{commit}`, run)) === oid.toLowerCase()
}

/** An abbreviated name of at least 7 digits, longer when ambiguous (libgit2's `short_id`). */
export async function shortCommitId(path: string, oid: string, run: GitRun = {}): Promise<string> {
  const out = (await runGit(path, ['rev-parse', '--short=7', '--end-of-options', oid], run)).trim()
  if (!/^[0-9a-f]{7,64}$/.test(out) || !oid.startsWith(out))
    throw new Error(`git rev-parse --short gave ${out} for ${oid}`)
  return out
}
