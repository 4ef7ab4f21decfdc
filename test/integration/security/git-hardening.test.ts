/**
 * The app's own git calls cannot be turned against the user: hooks and fsmonitor in a
 * repository (or named by its config) never run, the environment git sees is an allowlist,
 * and the argument-injection payloads of simple-git's and cargo's test suites are refused as
 * URLs or refs with a clear error before git is started.
 */
import { access, chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../src/main/engine/errors'
import { checkGitRef } from '../../../src/main/engine/sources/git/git-refs'
import { parseGitUrl } from '../../../src/main/engine/sources/git/canonical-url'
import { runGit } from '../../../src/main/engine/sources/git/run-git'
import { gitEnvironment } from '../../../src/main/engine/tools/git'
import { fixtureGit, gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  )

/** The error an input gets, as `code: message`, or `accepted`. */
function verdict(check: () => unknown): string {
  try {
    check()
    return 'accepted'
  } catch (e) {
    if (!isEngineError(e)) throw e
    return `${e.code}: ${e.message}`
  }
}

describe('git hardening', () => {
  it('runs no hook and no fsmonitor of the repository, wherever its config puts them', async () => {
    const base = await tempDir()
    const repo = await gitRepo('trap', base)
    await repo.commit({ 'Cargo.toml': manifest('trap'), 'src/lib.rs': '' })
    const marker = (name: string) => join(base, `ran-${name}`)
    const script = async (path: string, name: string) => {
      await mkdir(join(path, '..'), { recursive: true })
      await writeFile(path, `#!/bin/sh\ntouch ${JSON.stringify(marker(name))}\n`)
      await chmod(path, 0o755)
    }
    await script(join(repo.work, '.git', 'hooks', 'post-checkout'), 'hook')
    await script(join(base, 'hooks', 'post-checkout'), 'hooks-path')
    await script(join(base, 'fsmonitor.sh'), 'fsmonitor')
    // The fixture's own git (no protection) shows the traps are live.
    await fixtureGit(repo.work, ['checkout', '-q', '-B', 'probe'])
    expect(await exists(marker('hook'))).toBe(true)
    await fixtureGit(repo.work, ['config', 'core.hooksPath', join(base, 'hooks')])
    await fixtureGit(repo.work, ['config', 'core.fsmonitor', join(base, 'fsmonitor.sh')])
    await fixtureGit(repo.work, ['checkout', '-q', '-B', 'probe2'])
    await fixtureGit(repo.work, ['status', '--porcelain'])
    expect(await exists(marker('hooks-path'))).toBe(true)
    expect(await exists(marker('fsmonitor'))).toBe(true)

    for (const name of ['hook', 'hooks-path', 'fsmonitor']) await rm(marker(name))
    await runGit(repo.work, ['checkout', '-q', '-B', 'ours'])
    await runGit(repo.work, ['status', '--porcelain'])
    for (const name of ['hook', 'hooks-path', 'fsmonitor'])
      expect(await exists(marker(name)), name).toBe(false)
  })

  it('gives git an allowlisted environment: nothing that can choose a program or a repository', () => {
    const hostile = {
      PATH: '/usr/bin',
      HOME: '/home/me',
      LC_ALL: 'C',
      GIT_DIR: '/tmp/elsewhere',
      GIT_WORK_TREE: '/',
      GIT_SSH_COMMAND: 'touch /tmp/pwned',
      GIT_SSH: '/tmp/evil',
      GIT_PROXY_COMMAND: '/tmp/evil',
      GIT_EXEC_PATH: '/tmp/evil',
      GIT_ASKPASS: '/tmp/evil',
      SSH_ASKPASS: '/tmp/evil',
      GIT_CONFIG_PARAMETERS: "'core.sshCommand=touch /tmp/pwned'",
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.pager',
      GIT_CONFIG_VALUE_0: 'touch /tmp/pwned',
      GIT_CONFIG_GLOBAL: '/tmp/evil-config',
      GIT_TEMPLATE_DIR: '/tmp/evil-templates',
      GIT_EXTERNAL_DIFF: '/tmp/evil',
      EDITOR: '/tmp/evil',
      PAGER: '/tmp/evil',
      LD_PRELOAD: '/tmp/evil.so',
      GIT_ALLOW_PROTOCOL: 'ext',
      GIT_TERMINAL_PROMPT: '1'
    }
    expect(gitEnvironment(hostile)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: 'https:ssh:git:file'
    })
  })

  // Payloads from simple-git's argument-injection tests and cargo's git source tests.
  it.each([
    ['--upload-pack=touch /tmp/pwned', /may not start with `-`/],
    ['-u touch /tmp/pwned', /may not start with `-`/],
    ['--config=core.sshCommand=touch /tmp/pwned', /may not start with `-`/],
    ['ext::sh -c touch% /tmp/pwned', /not allowed|Invalid git URL/],
    ['fd::17', /not allowed|Invalid git URL/],
    ['ssh://-oProxyCommand=touch /tmp/pwned/x', /Invalid git URL/],
    ['ssh://-oProxyCommand=touch/x', /host or user may not start with `-`/],
    ['ssh://-oProxyCommand=touch@example.com/x', /host or user may not start with `-`/],
    ['https://example.com/r\n--upload-pack=evil', /control character/],
    ['https://example.com/r\t-u', /control character/],
    ['https://example.com/\u0000r', /control character/],
    ['http://example.com/r', /not allowed/],
    ['git@github.com:owner/repo.git', /Invalid git URL/]
  ])('refuses the URL %j before git starts', (payload, message) => {
    const v = verdict(() => parseGitUrl(payload))
    expect(v).not.toBe('accepted')
    expect(v).toMatch(message)
  })

  it.each([
    ['branch', '--upload-pack=evil'],
    ['branch', '-delete'],
    ['branch', 'main\nx'],
    ['branch', 'a..b'],
    ['branch', 'refs/heads/../../x'],
    ['tag', 'v1:evil'],
    ['tag', '@{-1}'],
    ['rev', '--output=/tmp/pwned'],
    ['rev', 'HEAD\u0000'],
    ['rev', 'main:Cargo.toml']
  ] as const)('refuses the %s %j', (type, value) => {
    expect(verdict(() => checkGitRef({ type, value }, 'https://example.com/r'))).toMatch(/^invalid-input: /)
  })
})
