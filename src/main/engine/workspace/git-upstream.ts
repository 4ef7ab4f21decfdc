/**
 * The git panel's data from a resolve: each git source as the shared model, and whether its
 * branch or tag moved past the locked commit upstream. One repository that cannot be reached
 * is reported on its own row instead of failing the others; cancelling stops them all.
 */
import type { GitDependency, GitUpstreamCheck } from '@shared/models/git-dependencies'
import { isEngineError, toAppError, type ErrorLogger } from '../errors'
import type { GitCacheOptions } from '../sources/git/git-cache'
import { newerCommits } from '../sources/git/newer-commits'
import type { ResolvedGitSource } from './git-dependencies'

/** A resolved git source as the renderer receives it. */
export function gitDependencyModel(source: ResolvedGitSource): GitDependency {
  const { id } = source
  return {
    source: source.key,
    url: id.url,
    ...(id.ref.type !== 'default' ? { reference: { type: id.ref.type, value: id.ref.value } } : {}),
    lockedCommit: id.precise,
    packages: source.packages.map(({ name, version }) => ({ name, version })),
    declaredAs: source.declaredAs
  }
}

export interface UpstreamOptions extends GitCacheOptions {
  /** Called before each repository is looked at. */
  readonly onSource?: (source: ResolvedGitSource) => void
  readonly logError?: ErrorLogger
}

/** Fetches each source's reference in turn (a `rev` needs none) and compares it with the lock. */
export async function checkUpstream(
  sources: readonly ResolvedGitSource[],
  options: UpstreamOptions
): Promise<GitUpstreamCheck[]> {
  const checks: GitUpstreamCheck[] = []
  for (const source of sources) {
    const { url, ref, precise } = source.id
    const row = { source: source.key, lockedCommit: precise }
    if (ref.type === 'rev') {
      checks.push({ ...row, status: { state: 'pinned' } })
      continue
    }
    options.onSource?.(source)
    try {
      const newer = await newerCommits(options, url, ref, precise)
      checks.push({ ...row, status: { state: 'checked', ...newer } })
    } catch (e) {
      if (options.signal?.aborted || (isEngineError(e) && e.code === 'cancelled')) throw e
      checks.push({
        ...row,
        status: { state: 'failed', error: toAppError(e, `checking ${url}`, options.logError) }
      })
    }
  }
  return checks
}
