/**
 * The one wrapper around git (through simple-git). Every call gets a scrubbed environment and
 * configuration, so a project or the user's shell cannot redirect git through GIT_* variables,
 * hooks or fsmonitor.
 */
import { access } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SimpleGit } from 'simple-git'
import { EngineError } from '../errors'
import { findOnPath } from './find-program'
import { loadSimpleGit } from './lazy-modules'

/** Git's own settings for the app's calls: no hooks, no fsmonitor, never prompt. */
const SAFE_CONFIG = ['core.hooksPath=/dev/null', 'core.fsmonitor=false', 'protocol.ext.allow=never']

/**
 * Variables git may see. An allowlist, not a denylist: EDITOR, PAGER, GIT_SSH_COMMAND, PREFIX and
 * friends can all make git run a program of someone else's choosing.
 */
// prettier-ignore
const PASSED_THROUGH = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TMPDIR', 'TEMP', 'TMP', 'TZ',
  'XDG_CONFIG_HOME', 'SSH_AUTH_SOCK', 'SYSTEMROOT', 'SystemRoot', 'COMSPEC', 'WINDIR', 'USERPROFILE',
  'APPDATA', 'LOCALAPPDATA', 'HOMEDRIVE', 'HOMEPATH', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  'http_proxy', 'https_proxy', 'no_proxy'
])

/** The variables a git call gets: `base` filtered through the allowlist, plus git's no-prompt settings. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(base)) {
    if (v !== undefined && (PASSED_THROUGH.has(k) || k.startsWith('LC_'))) env[k] = v
  }
  env.GIT_TERMINAL_PROMPT = '0'
  env.GIT_ALLOW_PROTOCOL = 'https:ssh:git:file'
  return env
}

/** What one git call runs with: the caller's environment and its cancellation. */
export interface GitRun {
  /** Aborting it kills the running git process (simple-git's abort plugin). */
  readonly signal?: AbortSignal
  /**
   * The environment git is run from (filtered by `gitEnvironment`); `process.env` when absent. A
   * served build passes its client's, since the server's own is empty.
   */
  readonly env?: NodeJS.ProcessEnv
}

const gitPrograms = new Map<string, Promise<string>>()

/**
 * git's absolute path, found through `env`'s PATH once per PATH value: no later lookup can be
 * redirected, and callers with different environments each get the git their PATH names.
 */
function gitBinary(env: NodeJS.ProcessEnv): Promise<string> {
  const path = env.PATH ?? ''
  let program = gitPrograms.get(path)
  if (!program) {
    // Not found: plain `git`, whose spawn then fails with the usual "not installed" error.
    program = findOnPath('git', env).then((p) => p ?? 'git')
    gitPrograms.set(path, program)
  }
  return program
}

/** A git for `baseDir`, run with `run.env` (scrubbed) and killed when `run.signal` aborts. */
export async function git(baseDir: string, run: GitRun = {}): Promise<SimpleGit> {
  const env = run.env ?? process.env
  const [{ simpleGit }, binary] = await Promise.all([loadSimpleGit(), gitBinary(env)])
  return simpleGit({
    baseDir,
    binary,
    config: SAFE_CONFIG,
    maxConcurrentProcesses: 4,
    ...(run.signal ? { abort: run.signal } : {}),
    // simple-git refuses these settings by default because they can run programs; ours switch that off.
    // The binary is our own PATH lookup (it may contain spaces on Windows), never user input.
    unsafe: {
      allowUnsafeHooksPath: true,
      allowUnsafeFsMonitor: true,
      allowUnsafeProtocolOverride: true,
      allowUnsafeCustomBinary: true
    },
    allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_ALLOW_PROTOCOL']
  }).env(gitEnvironment(env))
}

/** Whether `dir` (or an ancestor) is inside a git work tree, found the way git discovers it. */
export async function isInsideGitRepo(dir: string): Promise<boolean> {
  let current = dir
  for (;;) {
    try {
      await access(join(current, '.git'))
      return true
    } catch {
      const parent = dirname(current)
      if (parent === current) return false
      current = parent
    }
  }
}

export async function gitInit(dir: string): Promise<void> {
  try {
    await (await git(dir)).init()
  } catch (e) {
    throw new EngineError('io', `git init failed in ${dir}: ${(e as Error).message}`, {
      hint: 'Install git, or create the package without a repository (--vcs none).'
    })
  }
}

/** `git config --get KEY` from `cwd`, or undefined when unset or git is missing. */
export async function gitConfigValue(cwd: string, key: string): Promise<string | undefined> {
  try {
    const r = await (await git(cwd)).getConfig(key)
    return r.value ?? undefined
  } catch {
    return undefined
  }
}
