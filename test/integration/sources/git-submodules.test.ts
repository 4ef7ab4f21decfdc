/**
 * Submodules are checked out recursively, as cargo does: each from its own cached database at
 * the commit the parent records, relative URLs resolved against the parent's URL.
 */
import { access, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitCacheIdent } from '../../../src/main/engine/sources/git/canonical-url'
import type { GitProgress } from '../../../src/main/engine/sources/git/git-cache'
import { GitSource } from '../../../src/main/engine/sources/git/git-source'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

async function nested() {
  const parent = await tempDir('cs-git-')
  const inner = await gitRepo('inner', parent)
  const innerCommit = await inner.commit({ README: 'innermost\n' })
  const lib = await gitRepo('lib', parent)
  await lib.commit({ 'Cargo.toml': manifest('sublib'), 'src/lib.rs': '' })
  await lib.addSubmodule('deep', '../inner.git')
  const libCommit = await lib.head()
  await inner.commit({ README: 'moved on\n' }) // the parent keeps its recorded commit
  const app = await gitRepo('app', parent)
  await app.commit({
    'Cargo.toml': manifest('top', '0.1.0', '[dependencies]\nsublib = { path = "vendor/lib" }\n'),
    'src/lib.rs': ''
  })
  const appCommit = await app.addSubmodule('vendor/lib', '../lib.git')
  return { app, lib, inner, appCommit, libCommit, innerCommit }
}

describe('git submodules', () => {
  it('are checked out recursively at the recorded commits, each from its own database', async () => {
    const { app, lib, inner, libCommit } = await nested()
    const cacheDir = await tempDir('cs-git-cache-')
    const events: GitProgress[] = []
    const source = new GitSource(
      { kind: 'git', url: app.url, ref: { type: 'default' } },
      { cacheDir, onProgress: (e) => events.push(e) }
    )
    const dir = await source.checkoutDir()
    expect(await readFile(join(dir, 'vendor', 'lib', 'Cargo.toml'), 'utf8')).toContain('sublib')
    expect(await readFile(join(dir, 'vendor', 'lib', 'deep', 'README'), 'utf8')).toBe('innermost\n')
    for (const repo of [app, lib, inner])
      expect(await exists(join(cacheDir, 'git', 'db', gitCacheIdent(repo.url)))).toBe(true)
    expect(events).toContainEqual({ phase: 'fetching', url: lib.url, scope: 'submodule' })
    expect(events).toContainEqual({
      phase: 'checking-out',
      url: lib.url,
      commit: libCommit,
      scope: 'submodule'
    })

    // A package inside the submodule is reached through the path dependency, on the parent's source.
    const [top] = await source.query('top')
    expect(top?.deps[0]?.source).toEqual({
      kind: 'git',
      url: app.url,
      ref: { type: 'default' },
      precise: await source.lockedCommit()
    })
    const [sublib] = await source.query('sublib')
    expect(await source.download(sublib!)).toBe(join(dir, 'vendor', 'lib'))
  })

  it('come from the cache when offline', async () => {
    const { app, lib, inner, appCommit } = await nested()
    const cacheDir = await tempDir('cs-git-cache-')
    const first = new GitSource({ kind: 'git', url: app.url, ref: { type: 'default' } }, { cacheDir })
    const dir = await first.checkoutDir()
    await rm(dir, { recursive: true })
    for (const repo of [app, lib, inner]) await rm(repo.bare, { recursive: true })
    const offline = new GitSource(
      { kind: 'git', url: app.url, ref: { type: 'default' }, precise: appCommit },
      { cacheDir, offline: true }
    )
    expect(await offline.checkoutDir()).toBe(dir)
    expect(await readFile(join(dir, 'vendor', 'lib', 'deep', 'README'), 'utf8')).toBe('innermost\n')
  })
})
