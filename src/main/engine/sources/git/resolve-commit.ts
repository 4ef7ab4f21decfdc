/**
 * From a git reference to a commit in the cache's database, cargo's `GitSource::fetch_db`:
 *
 * - a locked commit (`precise`, or a `rev` that is a full hash) already in the database is used
 *   as is, without touching the network — this is what makes offline and repeat builds work;
 * - offline, an unlocked reference is resolved in the database as it was last fetched;
 * - otherwise the reference's refspecs are fetched (a locked commit fetches like an unknown
 *   `rev`), and a database that still cannot resolve it is recreated from scratch once, to get
 *   past a corrupt repository.
 */
import { EngineError, isEngineError } from '../../errors'
import type { GitRun } from '../../tools/git'
import type { GitRef } from '../source-id'
import { createDatabase, databaseExists, databaseHasCommit, fetchIntoDatabase } from './git-database'
import { fetchFailed, isMissingRef, offlineMiss, refNotFound } from './git-errors'
import { describeRef, fetchPlan, isFullCommitHash, localRevision } from './git-refs'
import { revParse, runGit } from './run-git'

export interface ResolveCommitRequest {
  /** The URL to fetch from (validated, serialized). */
  readonly url: string
  readonly ref: GitRef
  /** The locked commit, when there is one. */
  readonly precise?: string
  readonly dbPath: string
  readonly offline: boolean
  /** The environment and cancellation of every git the resolution runs. */
  readonly run?: GitRun
  /** Called just before the network is used. */
  readonly onFetch?: () => void
}

/** The commit a request is pinned to before anything is fetched, if any. */
export function lockedCommitOf(ref: GitRef, precise: string | undefined): string | undefined {
  if (precise !== undefined) return precise.toLowerCase()
  return ref.type === 'rev' && isFullCommitHash(ref.value) ? ref.value.toLowerCase() : undefined
}

async function remoteNames(dbPath: string, url: string, ref: GitRef, run: GitRun): Promise<string[]> {
  const tags = ref.type === 'tag'
  try {
    const out = await runGit(dbPath, ['ls-remote', tags ? '--tags' : '--heads', '--', url], run)
    const prefix = tags ? 'refs/tags/' : 'refs/heads/'
    return out
      .split('\n')
      .map((line) => line.split('\t')[1] ?? '')
      .filter((name) => name.startsWith(prefix) && !name.endsWith('^{}'))
      .map((name) => name.slice(prefix.length))
  } catch (e) {
    if (isEngineError(e)) throw e
    return []
  }
}

async function fetchOrExplain(req: ResolveCommitRequest, ref: GitRef): Promise<void> {
  try {
    await fetchIntoDatabase(req.dbPath, req.url, fetchPlan(ref), req.run)
  } catch (e) {
    if (isEngineError(e)) throw e
    if (isMissingRef(e))
      throw refNotFound(req.url, ref, await remoteNames(req.dbPath, req.url, ref, req.run ?? {}))
    throw fetchFailed(req.url, e)
  }
}

function notFoundAfterFetch(req: ResolveCommitRequest, ref: GitRef, locked: string | undefined): EngineError {
  if (locked !== undefined && req.precise !== undefined) {
    return new EngineError('not-found', `The locked commit ${locked} was not found in ${req.url}.`, {
      hint: 'It may have been removed by a force-push. Update the dependency (cargo update -p <name>) to lock a commit that exists.'
    })
  }
  return refNotFound(req.url, ref)
}

/** Resolves the request to a full commit hash that the database contains. */
export async function resolveCommit(req: ResolveCommitRequest): Promise<string> {
  const locked = lockedCommitOf(req.ref, req.precise)
  const hasDb = await databaseExists(req.dbPath)
  if (locked !== undefined && hasDb && (await databaseHasCommit(req.dbPath, locked, req.run))) return locked
  if (locked === undefined && hasDb && req.offline) {
    const commit = await revParse(req.dbPath, localRevision(req.ref), req.run)
    if (commit !== undefined) return commit
  }
  if (req.offline) throw offlineMiss(req.url, locked ? `commit ${locked}` : describeRef(req.ref))

  req.onFetch?.()
  const ref: GitRef = locked !== undefined ? { type: 'rev', value: locked } : req.ref
  if (hasDb) {
    await fetchOrExplain(req, ref)
    const commit = await revParse(req.dbPath, localRevision(ref), req.run)
    if (commit !== undefined) return commit
  }
  // No database yet, or one that cannot resolve what was just fetched: start from scratch.
  await createDatabase(req.dbPath, req.run)
  await fetchOrExplain(req, ref)
  const commit = await revParse(req.dbPath, localRevision(ref), req.run)
  if (commit !== undefined) return commit
  throw notFoundAfterFetch(req, ref, locked)
}
