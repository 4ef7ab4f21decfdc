/**
 * For the git panel: has the branch (or tag, or default branch) a dependency follows moved past
 * the commit Cargo.lock pins? The reference is fetched again (or, offline, read from the cache
 * as last fetched) and the commits between the two are counted.
 */
import { isEngineError } from '../../errors'
import type { GitRun } from '../../tools/git'
import type { GitRef } from '../source-id'
import { gitRunOf, type GitCacheOptions } from './git-cache'
import { revParse, runGit } from './run-git'
import { fetchCommit } from './repository-cache'

export interface NewerCommits {
  /** The commit the reference points at now. */
  readonly latest: string
  /** Commits in `latest` that the locked commit does not have (0: up to date). */
  readonly ahead: number
  /**
   * The locked commit is not an ancestor of `latest` (history was rewritten upstream, or the
   * locked commit is unknown here): updating is not a fast-forward.
   */
  readonly rewritten: boolean
}

async function isAncestor(db: string, ancestor: string, commit: string, run: GitRun): Promise<boolean> {
  try {
    const base = await runGit(db, ['merge-base', '--end-of-options', ancestor, commit], run)
    return base.trim() === ancestor
  } catch (e) {
    if (isEngineError(e)) throw e
    return false // no common history
  }
}

/** Fetches `ref` of `url` and compares it with `lockedCommit`. */
export async function newerCommits(
  options: GitCacheOptions,
  url: string,
  ref: GitRef,
  lockedCommit: string
): Promise<NewerCommits> {
  const { commit: latest, paths } = await fetchCommit(options, url, ref)
  const run = gitRunOf(options)
  const locked = lockedCommit.toLowerCase()
  const known = (await revParse(paths.db, `${locked}^{commit}`, run)) === locked
  const range = known ? [latest, `^${locked}`] : [latest]
  const count = Number(
    (await runGit(paths.db, ['rev-list', '--count', '--end-of-options', ...range], run)).trim()
  )
  return {
    latest,
    ahead: Number.isFinite(count) ? count : 0,
    rewritten: !known || !(await isAncestor(paths.db, locked, latest, run))
  }
}
