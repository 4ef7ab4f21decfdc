/**
 * Git dependencies are fetched with the environment the caller gives (a served build passes
 * its client's; the server's own is empty), not with this process's: a `git` wrapper that is
 * on PATH only in the given environment must run, and still see only git's allowlist.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GitSource } from '../../../src/main/engine/sources/git/git-source'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

/** Only in the process's environment, and passed through by name (`LC_*`) if it reached git. */
const PROCESS_ONLY = 'LC_CRATE_STUDIO_PROCESS_ONLY'

afterEach(() => {
  vi.unstubAllEnvs()
})

/**
 * A folder holding a `git` that appends its arguments and environment to `log`, then runs the
 * real git; and an environment with that folder first on PATH, one allowlisted variable and two
 * that must be dropped.
 */
async function wrappedGit() {
  const dir = await tempDir('cs-git-wrapper-')
  const bin = join(dir, 'bin')
  const log = join(dir, 'git.log')
  await mkdir(bin)
  await writeFile(
    join(bin, 'git'),
    [
      '#!/bin/sh',
      `printf 'ARGS %s\\n' "$*" >> '${log}'`,
      `env | sed 's/^/ENV /' >> '${log}'`,
      'exec /usr/bin/git "$@"',
      ''
    ].join('\n')
  )
  await chmod(join(bin, 'git'), 0o755)
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: dir,
    SSH_AUTH_SOCK: join(dir, 'agent.sock'),
    GIT_SSH_COMMAND: 'touch /tmp/pwned',
    CRATE_STUDIO_SECRET: 'do-not-pass'
  }
  vi.stubEnv(PROCESS_ONLY, 'from-the-process')
  return { dir, log, env }
}

async function logOf(log: string): Promise<string> {
  return readFile(log, 'utf8').catch(() => '')
}

function expectOnlyAllowed(text: string, env: NodeJS.ProcessEnv): void {
  expect(text).toContain(`ENV SSH_AUTH_SOCK=${env.SSH_AUTH_SOCK}`)
  expect(text).toContain('ENV GIT_TERMINAL_PROMPT=0')
  expect(text).not.toContain('GIT_SSH_COMMAND')
  expect(text).not.toContain('CRATE_STUDIO_SECRET')
  expect(text).not.toContain(PROCESS_ONLY)
}

describe('git runs with the environment it is given', () => {
  it('fetches and checks out a git source with the options’ environment, not the process’s', async () => {
    const { dir, log, env } = await wrappedGit()
    const repo = await gitRepo('env-repo')
    const commit = await repo.commit({ 'Cargo.toml': manifest('foo'), 'src/lib.rs': '' })
    expect(await logOf(log)).toBe('')

    const source = new GitSource(
      { kind: 'git', url: repo.url, ref: { type: 'default' } },
      { cacheDir: join(dir, 'cache'), env }
    )
    expect(await source.lockedCommit()).toBe(commit)
    expect((await source.query('foo'))[0]?.version).toBe('0.1.0')

    const text = await logOf(log)
    expect(text).toMatch(/^ARGS .*\bfetch\b.*--no-tags/m)
    expect(text).toMatch(/^ARGS .*\bcheckout --force --detach --quiet\b/m)
    expectOnlyAllowed(text, env)
  })

  it('resolves a workspace’s git dependency with the resolve options’ environment', async () => {
    const { dir, log, env } = await wrappedGit()
    const repo = await gitRepo('env-dep')
    await repo.commit({ 'Cargo.toml': manifest('gitdep'), 'src/lib.rs': '' })
    const app = join(dir, 'app')
    await mkdir(join(app, 'src'), { recursive: true })
    await writeFile(
      join(app, 'Cargo.toml'),
      manifest('app', '0.1.0', `[dependencies]\ngitdep = { git = "${repo.url}" }\n`)
    )
    await writeFile(join(app, 'src', 'lib.rs'), '')

    const ws = await resolveWorkspace({
      manifestPath: join(app, 'Cargo.toml'),
      env,
      homeDir: dir,
      cacheDir: join(dir, 'cache'),
      rustcVersion: '1.95.0'
    })
    expect([...ws.packages.values()].map((p) => p.pkg.manifest.package.name)).toContain('gitdep')

    const text = await logOf(log)
    expect(text).toMatch(/^ARGS .*\bfetch\b/m)
    expectOnlyAllowed(text, env)
  })
})
