/**
 * One git command for the git source, through the one git wrapper, with the caller's environment
 * and cancellation: an aborted signal kills git and surfaces as a `cancelled` EngineError rather
 * than as git's own failure.
 */
import { EngineError } from '../../errors'
import { git, type GitRun } from '../../tools/git'

/** Thrown by a cancelled step; callers leave nothing marked complete when they see it. */
export function cancelledError(): EngineError {
  return new EngineError('cancelled', 'The git operation was cancelled.')
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError()
}

/** git's own message, without simple-git's decoration and trailing newlines. */
export function gitMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).trim()
}

/** Runs `git <args>` in `cwd` (a work tree, or a bare repository itself) and returns stdout. */
export async function runGit(cwd: string, args: readonly string[], run: GitRun = {}): Promise<string> {
  throwIfCancelled(run.signal)
  try {
    return await (await git(cwd, run)).raw([...args])
  } catch (e) {
    if (run.signal?.aborted) throw cancelledError()
    throw e
  }
}

/**
 * `git rev-parse --verify` of a revision expression: the object name, or undefined when there is
 * no such object. `--end-of-options` keeps the expression from ever being read as an option.
 */
export async function revParse(cwd: string, revision: string, run: GitRun = {}): Promise<string | undefined> {
  let out: string
  try {
    out = await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', revision], run)
  } catch (e) {
    if (e instanceof EngineError) throw e
    return undefined
  }
  const oid = out.trim()
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(oid) ? oid : undefined
}
