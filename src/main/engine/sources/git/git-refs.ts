/**
 * What to fetch for a `branch`, `tag`, `rev` or the default branch, and where it lands in the
 * cache's bare repository, as cargo does it (`sources/git/utils.rs` `fetch` and `resolve_ref`).
 * Refs are checked first: a value starting with `-` is refused, and branch and tag names must be
 * valid ref names, so nothing a manifest writes can change a refspec's meaning.
 */
import { EngineError } from '../../errors'
import type { GitRef } from '../source-id'

export interface FetchPlan {
  /** Refspecs for `git fetch`, each forced (`+`) so a force-push upstream still updates. */
  readonly refspecs: readonly string[]
  /** Whether to fetch every tag too (an unknown `rev` might be one). */
  readonly tags: boolean
}

/** A full object name: cargo's `rev_to_oid` accepts 40 (SHA-1) or 64 (SHA-256) hex digits. */
export function isFullCommitHash(text: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(text)
}

/** "branch `main`", "tag `v1`", "rev `abc123`", "the default branch": for messages. */
export function describeRef(ref: GitRef): string {
  return ref.type === 'default' ? 'the default branch' : `${ref.type} \`${ref.value}\``
}

/** The reason `name` is not a valid ref name, following `git check-ref-format`; undefined when it is. */
export function refNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.startsWith('-')) return 'it starts with `-`'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'it contains a space, a control character or one of ~^:?*[\\'
  if (name.includes('..')) return 'it contains `..`'
  if (name.includes('@{') || name === '@') return 'it contains `@{`'
  if (name.includes('//') || name.startsWith('/') || name.endsWith('/'))
    return 'it has an empty path component'
  if (name.endsWith('.')) return 'it ends with `.`'
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'a component starts with `.`'
    if (part.endsWith('.lock')) return 'a component ends with `.lock`'
  }
  return undefined
}

/** The reason a `rev` cannot be used; undefined when it is fine. */
export function revProblem(rev: string): string | undefined {
  if (rev === '') return 'it is empty'
  if (rev.startsWith('-')) return 'it starts with `-`'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(rev)) return 'it contains a space or a control character'
  if (rev.startsWith('refs/')) return refNameProblem(rev)
  if (rev.includes(':')) return 'it contains `:`'
  return undefined
}

/** Throws a clear `EngineError` for a ref git could misread; returns it unchanged otherwise. */
export function checkGitRef(ref: GitRef, url: string): GitRef {
  if (ref.type === 'default') return ref
  const problem = ref.type === 'rev' ? revProblem(ref.value) : refNameProblem(ref.value)
  if (problem === undefined) return ref
  throw new EngineError('invalid-input', `Invalid git ${ref.type} \`${ref.value}\` for ${url}: ${problem}.`, {
    hint:
      ref.type === 'rev'
        ? 'A `rev` is a commit hash (full or short) or a ref such as `refs/pull/1/head`.'
        : `Write the ${ref.type} name exactly as \`git ${ref.type === 'tag' ? 'tag' : 'branch'}\` lists it.`
  })
}

/** Cargo's refspecs for a reference (the fetch is `--no-tags` unless `tags`). */
export function fetchPlan(ref: GitRef): FetchPlan {
  switch (ref.type) {
    case 'branch':
      return { refspecs: [`+refs/heads/${ref.value}:refs/remotes/origin/${ref.value}`], tags: false }
    case 'tag':
      return { refspecs: [`+refs/tags/${ref.value}:refs/remotes/origin/tags/${ref.value}`], tags: false }
    case 'default':
      return { refspecs: ['+HEAD:refs/remotes/origin/HEAD'], tags: false }
    case 'rev':
      if (ref.value.startsWith('refs/')) return { refspecs: [`+${ref.value}:${ref.value}`], tags: false }
      // Unknown until fetched: every branch, the default branch and every tag, then look for it.
      return {
        refspecs: ['+refs/heads/*:refs/remotes/origin/*', '+HEAD:refs/remotes/origin/HEAD'],
        tags: true
      }
  }
}

/** The revision expression that names the fetched commit in the cache's repository. */
export function localRevision(ref: GitRef): string {
  switch (ref.type) {
    case 'branch':
      return `refs/remotes/origin/${ref.value}^{commit}`
    case 'tag':
      return `refs/remotes/origin/tags/${ref.value}^{commit}`
    case 'default':
      return 'refs/remotes/origin/HEAD^{commit}'
    case 'rev':
      return `${ref.value}^{commit}`
  }
}
