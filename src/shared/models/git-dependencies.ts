/**
 * The git panel's data: each git repository the project's resolve uses, what Cargo.lock pins it
 * to, and whether the branch (or tag, or default branch) it follows has moved on. Plain data
 * that crosses IPC; the main side owns every decision (what may be updated or pinned).
 */
import type { AppError } from '../ipc/result'
import type { GitReference } from './package'

/** One git source of the resolve: a URL with its reference, locked to one commit. */
export interface GitDependency {
  /** cargo's source string without the commit (`git+URL?branch=main`); unique in the list. */
  readonly source: string
  readonly url: string
  /** Absent: the repository's default branch. */
  readonly reference?: GitReference
  /** The full commit Cargo.lock pins. */
  readonly lockedCommit: string
  /** The resolve's packages from this source (a repository may hold several), sorted by name. */
  readonly packages: readonly { readonly name: string; readonly version: string }[]
  /**
   * The project's Cargo.toml entries that point here (their keys, e.g. `gitdep`). Empty when
   * only another package depends on it: then it can be updated but not pinned from here.
   */
  readonly declaredAs: readonly string[]
}

export interface GitDependencyList {
  readonly dependencies: readonly GitDependency[]
}

/** Whether the reference moved past the locked commit upstream, for one source. */
export type GitUpstreamStatus =
  | {
      readonly state: 'checked'
      /** The commit the reference points at now. */
      readonly latest: string
      /** Commits the locked one lacks (0: up to date). */
      readonly ahead: number
      /** The locked commit is not in the reference's history: updating is not a fast-forward. */
      readonly rewritten: boolean
    }
  /** A `rev` never moves: there is nothing newer to look for. */
  | { readonly state: 'pinned' }
  | { readonly state: 'failed'; readonly error: AppError }

export interface GitUpstreamCheck {
  /** `GitDependency.source`. */
  readonly source: string
  /** The locked commit it was compared with: a check made before an update no longer applies. */
  readonly lockedCommit: string
  readonly status: GitUpstreamStatus
}

export interface GitUpstreamReport {
  readonly checks: readonly GitUpstreamCheck[]
}

/** What `Update` did to Cargo.lock (like `cargo update -p NAME`). */
export interface GitUpdateResult {
  readonly source: string
  /** The locked commit before and after (equal: it was already the newest). */
  readonly from: string
  readonly to: string
  readonly lockWritten: boolean
}

/**
 * `Pin to this commit` before anything is written: the manifest as read (`text`, with the hash
 * of its bytes) and as it would be. Saving goes through the manifest service's compare-and-swap
 * save with `baseHash`, so a file changed in between is never overwritten.
 */
export interface GitPinPreview {
  readonly path: string
  readonly baseHash: string
  readonly text: string
  readonly newText: string
  readonly commit: string
  /** The Cargo.toml keys whose entries change. */
  readonly entries: readonly string[]
}

/** What a git panel operation is doing now (fetching a repository, resolving). */
export interface GitDependencyProgress {
  readonly manifestPath: string
  readonly message: string
}

/** How the panel says how far behind a source is: `Up to date`, `1 newer commit`, `3 newer commits`. */
export function newerCommitsText(ahead: number): string {
  if (ahead === 0) return 'Up to date'
  return `${ahead} newer commit${ahead === 1 ? '' : 's'}`
}
