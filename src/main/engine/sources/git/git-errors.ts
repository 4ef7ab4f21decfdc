/**
 * git's failures, turned into errors a person can act on: which ref is missing (and which ones
 * exist), which URL could not be reached, what to do when offline. git's own words stay in the
 * message, since they name the real cause (DNS, auth, a 404).
 */
import { EngineError } from '../../errors'
import type { GitRef } from '../source-id'
import { describeRef } from './git-refs'
import { gitMessage } from './run-git'

const MISSING_REF = /couldn't find remote ref/i

/** The first lines of git's output that say something (not "Cloning into…"). */
function gitReason(e: unknown): string {
  const lines = gitMessage(e)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  return lines.slice(0, 3).join(' ')
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "Branch `x` not found in <url>." with the names that do exist, when they are known. */
export function refNotFound(url: string, ref: GitRef, available?: readonly string[]): EngineError {
  const kind = ref.type === 'tag' ? 'tags' : 'branches'
  const listed =
    available && available.length > 0
      ? ` The repository's ${kind}: ${available.slice(0, 20).join(', ')}${available.length > 20 ? ', …' : ''}.`
      : ''
  const fix =
    ref.type === 'default'
      ? 'The repository has no default branch (is it empty?); name a `branch`, `tag` or `rev`.'
      : `Fix the \`${ref.type}\` of the dependency in Cargo.toml.`
  return new EngineError('not-found', `${capitalized(describeRef(ref))} not found in ${url}.`, {
    hint: `${fix}${listed}`
  })
}

/** Whether git failed because the asked-for ref does not exist upstream. */
export function isMissingRef(e: unknown): boolean {
  return MISSING_REF.test(gitMessage(e))
}

/** A fetch that failed for any other reason: the URL is wrong, unreachable, or refused us. */
export function fetchFailed(url: string, e: unknown): EngineError {
  const reason = gitReason(e)
  if (/transport '.*' not allowed/.test(reason)) {
    return new EngineError('unsupported', `Git refused the URL ${url}: ${reason}`, {
      hint: 'Use an `https://`, `ssh://`, `git://` or `file://` URL.'
    })
  }
  return new EngineError('io', `Could not fetch ${url}: ${reason}`, {
    hint: 'Check the URL, your network connection and your access to the repository (git credentials or ssh-agent).'
  })
}

/** Offline, and the cache cannot answer. */
export function offlineMiss(url: string, what: string): EngineError {
  return new EngineError(
    'not-found',
    `Cannot check out ${what} of ${url}: it is not in the git cache, and fetching is off (offline).`,
    {
      hint: 'Go online and fetch once; after that the cached copy is used offline.'
    }
  )
}
