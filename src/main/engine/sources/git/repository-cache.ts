/**
 * The git cache's two operations, each safe to run concurrently and to interrupt:
 * `fetchCommit` (reference → commit in the URL's database, under that database's lock) and
 * `checkoutCommit` (commit → a finished work tree, submodules included, recursively, each
 * submodule fetched through its own database exactly as a dependency would be).
 */
import { join, relative, isAbsolute } from 'node:path'
import { EngineError } from '../../errors'
import type { GitRef } from '../source-id'
import { fetchUrl } from './canonical-url'
import { withCacheLock } from './cache-lock'
import { shortCommitId } from './git-database'
import { cloneCommit, ensureCheckout } from './git-checkout'
import { gitRunOf, repoPaths, type GitCacheOptions, type RepoPaths } from './git-cache'
import { checkGitRef } from './git-refs'
import { resolveCommit } from './resolve-commit'
import { readSubmodules } from './submodules'

/** Deep enough for any real project; stops a repository that nests itself without end. */
const MAX_SUBMODULE_DEPTH = 8

type Scope = 'repository' | 'submodule'

function lockOptions(options: GitCacheOptions, url: string) {
  return {
    onWait: () => options.onProgress?.({ phase: 'waiting', url }),
    ...(options.signal ? { signal: options.signal } : {})
  }
}

export interface FetchedCommit {
  readonly url: string
  readonly commit: string
  /** The abbreviated commit that names its checkout directory. */
  readonly short: string
  readonly paths: RepoPaths
}

/** Resolves `ref` (or the locked `precise` commit) to a commit held in the cache's database. */
export async function fetchCommit(
  options: GitCacheOptions,
  url: string,
  ref: GitRef,
  precise?: string,
  scope: Scope = 'repository'
): Promise<FetchedCommit> {
  const remote = fetchUrl(url)
  checkGitRef(ref, url)
  if (precise !== undefined && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(precise)) {
    throw new EngineError(
      'invalid-input',
      `The locked commit \`${precise}\` of ${url} is not a full commit hash.`,
      {
        hint: 'Cargo.lock records full 40-digit hashes; delete the entry and let it be locked again.'
      }
    )
  }
  const paths = repoPaths(options.cacheDir, url)
  return withCacheLock(
    paths.lock,
    async () => {
      const commit = await resolveCommit({
        url: remote,
        ref,
        ...(precise !== undefined ? { precise } : {}),
        dbPath: paths.db,
        offline: options.offline ?? false,
        run: gitRunOf(options),
        onFetch: () => options.onProgress?.({ phase: 'fetching', url, scope })
      })
      return { url, commit, short: await shortCommitId(paths.db, commit, gitRunOf(options)), paths }
    },
    lockOptions(options, url)
  )
}

/** The directory of a finished checkout of a commit that `fetchCommit` put in the database. */
export async function checkoutCommit(options: GitCacheOptions, fetched: FetchedCommit): Promise<string> {
  const { url, commit, paths } = fetched
  const dir = join(paths.checkouts, fetched.short)
  await ensureCheckout({
    db: paths.db,
    dir,
    commit,
    run: gitRunOf(options),
    withDbLock: (work) => withCacheLock(paths.lock, work, lockOptions(options, url)),
    onCheckout: () => options.onProgress?.({ phase: 'checking-out', url, commit, scope: 'repository' }),
    complete: (tree) => checkoutSubmodules(options, tree, commit, url, 1)
  })
  return dir
}

async function checkoutSubmodules(
  options: GitCacheOptions,
  workTree: string,
  commit: string,
  parentUrl: string,
  depth: number
): Promise<void> {
  const submodules = await readSubmodules(workTree, commit, parentUrl, gitRunOf(options))
  if (submodules.length > 0 && depth > MAX_SUBMODULE_DEPTH) {
    throw new EngineError(
      'unsupported',
      `Submodules of ${parentUrl} nest deeper than ${MAX_SUBMODULE_DEPTH} levels.`
    )
  }
  for (const sub of submodules) {
    const dir = join(workTree, ...sub.path.split('/'))
    const inside = relative(workTree, dir)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue
    let fetched: FetchedCommit
    try {
      fetched = await fetchCommit(
        options,
        sub.url,
        { type: 'rev', value: sub.commit },
        sub.commit,
        'submodule'
      )
    } catch (e) {
      if (!(e instanceof EngineError) || e.code === 'cancelled') throw e
      throw new EngineError(
        e.code,
        `Failed to update submodule \`${sub.name}\` of ${parentUrl}: ${e.message}`,
        e.details
      )
    }
    options.onProgress?.({ phase: 'checking-out', url: sub.url, commit: sub.commit, scope: 'submodule' })
    await withCacheLock(
      fetched.paths.lock,
      () => cloneCommit(fetched.paths.db, dir, sub.commit, gitRunOf(options)),
      lockOptions(options, sub.url)
    )
    await checkoutSubmodules(options, dir, sub.commit, sub.url, depth + 1)
  }
}
