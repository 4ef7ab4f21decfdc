/**
 * The git cache's shape and the settings every step shares. The layout is cargo's, under an
 * injected directory (a CARGO_HOME works): `git/db/<ident>` holds one bare repository per URL,
 * `git/checkouts/<ident>/<short commit>` one work tree per commit.
 */
import { join } from 'node:path'
import type { GitRun } from '../../tools/git'
import { gitCacheIdent } from './canonical-url'

/** What the UI shows while a git dependency is fetched or checked out. */
export type GitProgress =
  | {
      readonly phase: 'fetching'
      readonly url: string
      /** cargo's "Updating git repository" vs "Updating git submodule". */
      readonly scope: 'repository' | 'submodule'
    }
  | {
      readonly phase: 'checking-out'
      readonly url: string
      readonly commit: string
      readonly scope: 'repository' | 'submodule'
    }
  /** Another process is fetching the same repository (cargo's "Blocking waiting for file lock"). */
  | { readonly phase: 'waiting'; readonly url: string }

export interface GitCacheOptions {
  /** The directory that holds `git/db` and `git/checkouts`. */
  readonly cacheDir: string
  /** Never use the network: only what the cache already has. */
  readonly offline?: boolean
  readonly onProgress?: (event: GitProgress) => void
  /** Aborting kills the running git and leaves nothing half-done marked complete. */
  readonly signal?: AbortSignal
  /**
   * The environment git runs with (PATH finds it; SSH_AUTH_SOCK, proxies and HOME reach it),
   * filtered by the git wrapper; `process.env` when absent.
   */
  readonly env?: NodeJS.ProcessEnv
}

/** The environment and cancellation every git call of one cache operation shares. */
export function gitRunOf(options: GitCacheOptions): GitRun {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {})
  }
}

export interface RepoPaths {
  readonly ident: string
  /** The bare repository. */
  readonly db: string
  /** The parent of this repository's checkouts. */
  readonly checkouts: string
  /** The cross-process lock guarding the database. */
  readonly lock: string
}

export function repoPaths(cacheDir: string, url: string): RepoPaths {
  const ident = gitCacheIdent(url)
  const git = join(cacheDir, 'git')
  return {
    ident,
    db: join(git, 'db', ident),
    checkouts: join(git, 'checkouts', ident),
    lock: join(git, '.locks', `${ident}.lock`)
  }
}
