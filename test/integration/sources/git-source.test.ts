/**
 * The git source against real git and file:// repositories built by the fixture helper:
 * references to commits, the cargo-shaped cache, locked commits, offline work, interrupted
 * checkouts, refused refs and the errors a person sees.
 */
import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../src/main/engine/errors'
import { CRATES_IO, type GitRef, type SourceId } from '../../../src/main/engine/sources/source-id'
import { gitCacheIdent } from '../../../src/main/engine/sources/git/canonical-url'
import type { GitProgress } from '../../../src/main/engine/sources/git/git-cache'
import { GitSource, type GitSourceOptions } from '../../../src/main/engine/sources/git/git-source'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

const gitId = (url: string, ref: GitRef, precise?: string): SourceId =>
  precise === undefined ? { kind: 'git', url, ref } : { kind: 'git', url, ref, precise }

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await p
  } catch (e) {
    if (!isEngineError(e)) throw e
    return { code: e.code, message: e.message, hint: e.details.hint ?? '' }
  }
  throw new Error('expected an EngineError')
}

/** An upstream with package `foo` 0.1.0 on main, 0.2.0 on branch dev, tags on main. */
async function upstream() {
  const repo = await gitRepo('foo-repo')
  const first = await repo.commit({ 'Cargo.toml': manifest('foo'), 'src/lib.rs': '' }, 'first')
  await repo.tag('v0.1.0')
  await repo.tag('annotated-0.1.0', { annotated: true })
  await repo.branch('dev')
  const dev = await repo.commit({ 'Cargo.toml': manifest('foo', '0.2.0') }, 'dev work')
  await repo.switch('main')
  return { repo, first, dev }
}

async function setup() {
  const up = await upstream()
  const cacheDir = await tempDir('cs-git-cache-')
  const events: GitProgress[] = []
  const options: GitSourceOptions = { cacheDir, onProgress: (e) => events.push(e) }
  return { ...up, cacheDir, events, options }
}

describe('the git source resolves a reference to a commit', () => {
  it('follows a branch and serves its package with the commit as `precise`', async () => {
    const { repo, dev, options } = await setup()
    const source = new GitSource(gitId(repo.url, { type: 'branch', value: 'dev' }), options)
    expect(await source.lockedCommit()).toBe(dev)
    const [summary] = await source.query('foo')
    expect(summary?.version).toBe('0.2.0')
    expect(summary?.source).toEqual(gitId(repo.url, { type: 'branch', value: 'dev' }, dev))
    const dir = await source.download(summary!)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toContain('version = "0.2.0"')
  })

  it('follows lightweight and annotated tags to the tagged commit', async () => {
    const { repo, first, options } = await setup()
    for (const value of ['v0.1.0', 'annotated-0.1.0']) {
      const source = new GitSource(gitId(repo.url, { type: 'tag', value }), options)
      expect(await source.lockedCommit()).toBe(first)
    }
  })

  it('finds a rev by full hash, short hash and ref name', async () => {
    const { repo, first, dev, options } = await setup()
    for (const [value, expected] of [
      [dev, dev],
      [first.slice(0, 9), first],
      ['refs/heads/dev', dev]
    ] as const) {
      const source = new GitSource(gitId(repo.url, { type: 'rev', value }), options)
      expect(await source.lockedCommit()).toBe(expected)
    }
  })

  it('uses the default branch (upstream HEAD) when no reference is given', async () => {
    const { repo, first, options } = await setup()
    const source = new GitSource(gitId(repo.url, { type: 'default' }), options)
    expect(await source.lockedCommit()).toBe(first)
    expect((await source.query('foo'))[0]?.version).toBe('0.1.0')
  })

  it('lays the cache out as cargo does: one database per URL, one checkout per commit', async () => {
    const { repo, first, cacheDir, options } = await setup()
    const source = new GitSource(gitId(repo.url, { type: 'default' }), options)
    const checkout = await source.checkoutDir()
    const ident = gitCacheIdent(repo.url)
    expect(ident).toMatch(/^foo-repo-[0-9a-f]{16}$/)
    expect(checkout).toBe(join(cacheDir, 'git', 'checkouts', ident, first.slice(0, 7)))
    expect(await exists(join(checkout, '.cargo-ok'))).toBe(true)
    expect(await exists(join(cacheDir, 'git', 'db', ident, 'HEAD'))).toBe(true)
    // The same repository spelled with a trailing slash shares the database.
    const other = new GitSource(gitId(`${repo.url}/`, { type: 'default' }), options)
    expect(await other.checkoutDir()).toBe(checkout)
    expect(await readdir(join(cacheDir, 'git', 'db'))).toEqual([ident])
  })
})

describe('a locked commit', () => {
  it('is kept when upstream moves, and the branch moves when resolved again', async () => {
    const { repo, first, options, events } = await setup()
    const branch: GitRef = { type: 'branch', value: 'main' }
    expect(await new GitSource(gitId(repo.url, branch), options).lockedCommit()).toBe(first)
    const second = await repo.commit({ 'src/lib.rs': 'pub fn new() {}\n' }, 'second')

    events.length = 0
    const locked = new GitSource(gitId(repo.url, branch, first), options)
    expect(await locked.lockedCommit()).toBe(first)
    expect(events.filter((e) => e.phase === 'fetching')).toEqual([])

    const fresh = new GitSource(gitId(repo.url, branch), options)
    expect(await fresh.lockedCommit()).toBe(second)
    expect(events.filter((e) => e.phase === 'fetching')).toHaveLength(1)
  })

  it('that the cache lacks is fetched, wherever upstream keeps it', async () => {
    const { repo, dev, options } = await setup()
    const source = new GitSource(gitId(repo.url, { type: 'branch', value: 'main' }, dev), options)
    expect(await source.lockedCommit()).toBe(dev)
    expect((await source.query('foo'))[0]?.version).toBe('0.2.0')
  })

  it('that no longer exists upstream is reported as such', async () => {
    const { repo, options } = await setup()
    const gone = 'f'.repeat(40)
    const f = await failure(new GitSource(gitId(repo.url, { type: 'default' }, gone), options).lockedCommit())
    expect(f.code).toBe('not-found')
    expect(f.message).toContain(`locked commit ${gone} was not found in ${repo.url}`)
  })
})

describe('offline', () => {
  it('works from the cache: locked commits, and references as last fetched', async () => {
    const { repo, first, options } = await setup()
    await new GitSource(gitId(repo.url, { type: 'default' }), options).checkoutDir()
    await repo.commit({ 'src/lib.rs': '// moved on\n' })
    // Upstream disappears entirely: nothing may touch it.
    await rm(repo.bare, { recursive: true, force: true })
    const offline = { ...options, offline: true }
    const locked = new GitSource(gitId(repo.url, { type: 'default' }, first), offline)
    expect((await locked.query('foo'))[0]?.source).toMatchObject({ precise: first })
    expect(await new GitSource(gitId(repo.url, { type: 'default' }), offline).lockedCommit()).toBe(first)
  })

  it('fails clearly for what the cache does not have', async () => {
    const { repo, options } = await setup()
    const offline = { ...options, offline: true }
    const f = await failure(
      new GitSource(gitId(repo.url, { type: 'branch', value: 'dev' }), offline).lockedCommit()
    )
    expect(f.code).toBe('not-found')
    expect(f.message).toMatch(/not in the git cache, and fetching is off \(offline\)/)
    expect(f.hint).toMatch(/online/)
  })
})

describe('an interrupted checkout', () => {
  it('is not trusted: a directory without the completion marker is checked out again', async () => {
    const { repo, options } = await setup()
    const first = new GitSource(gitId(repo.url, { type: 'default' }), options)
    const dir = await first.checkoutDir()
    await rm(join(dir, '.cargo-ok'))
    await writeFile(join(dir, 'half-written.rs'), 'garbage')
    await writeFile(join(dir, 'Cargo.toml'), 'garbage')

    const again = new GitSource(gitId(repo.url, { type: 'default' }), options)
    expect(await again.checkoutDir()).toBe(dir)
    expect(await exists(join(dir, '.cargo-ok'))).toBe(true)
    expect(await exists(join(dir, 'half-written.rs'))).toBe(false)
    expect((await again.query('foo'))[0]?.version).toBe('0.1.0')
  })

  it('cancelled midway leaves nothing marked complete, and the next attempt finishes it', async () => {
    const { repo, cacheDir } = await setup()
    const controller = new AbortController()
    const cancelled = new GitSource(gitId(repo.url, { type: 'default' }), {
      cacheDir,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'checking-out') controller.abort()
      }
    })
    expect((await failure(cancelled.checkoutDir())).code).toBe('cancelled')
    const ident = gitCacheIdent(repo.url)
    expect(await readdir(join(cacheDir, 'git', 'checkouts', ident))).toEqual([])

    const dir = await new GitSource(gitId(repo.url, { type: 'default' }), { cacheDir }).checkoutDir()
    expect(await exists(join(dir, '.cargo-ok'))).toBe(true)
  })

  it('a half-created database is made again; a fetch killed midway leaves it usable', async () => {
    const { repo, first, cacheDir, options } = await setup()
    const db = join(cacheDir, 'git', 'db', gitCacheIdent(repo.url))
    await mkdir(join(db, 'objects'), { recursive: true })
    await writeFile(join(db, 'description'), 'not a repository yet')
    expect(await new GitSource(gitId(repo.url, { type: 'default' }), options).lockedCommit()).toBe(first)

    // What `git fetch` leaves when killed: ref locks and a temporary pack.
    await writeFile(join(db, 'refs', 'remotes', 'origin', 'main.lock'), '')
    await writeFile(join(db, 'packed-refs.lock'), '')
    await writeFile(join(db, 'objects', 'pack', 'tmp_pack_AbCdEf'), 'partial')
    const second = await repo.commit({ 'src/lib.rs': '// second\n' })
    expect(
      await new GitSource(gitId(repo.url, { type: 'branch', value: 'main' }), options).lockedCommit()
    ).toBe(second)
  })

  it('two sources fetching the same URL at once both get a sound checkout', async () => {
    const { repo, dev, options } = await setup()
    const a = new GitSource(gitId(repo.url, { type: 'branch', value: 'dev' }), options)
    const b = new GitSource(gitId(repo.url, { type: 'branch', value: 'dev' }), options)
    const c = new GitSource(gitId(repo.url, { type: 'default' }), options)
    const [da, db] = await Promise.all([a.checkoutDir(), b.checkoutDir(), c.checkoutDir()])
    expect(da).toBe(db)
    expect(await a.lockedCommit()).toBe(dev)
    expect(await exists(join(da, '.cargo-ok'))).toBe(true)
  })
})

describe('refs and URLs that git could misread', () => {
  it.each([
    [{ type: 'branch', value: '--upload-pack=touch /tmp/pwned' }],
    [{ type: 'tag', value: '-x' }],
    [{ type: 'rev', value: '--output=/tmp/pwned' }],
    [{ type: 'branch', value: 'main:refs/heads/evil' }],
    [{ type: 'branch', value: 'a..b' }]
  ] as [GitRef][])('refuses %j before running git', async (ref) => {
    const { repo, cacheDir, options } = await setup()
    const f = await failure(new GitSource(gitId(repo.url, ref), options).lockedCommit())
    expect(f.code).toBe('invalid-input')
    expect(await exists(join(cacheDir, 'git', 'db'))).toBe(false)
  })

  it('refuses a URL that starts with `-`', async () => {
    const { options } = await setup()
    const f = await failure(new GitSource(gitId('-uevil', { type: 'default' }), options).lockedCommit())
    expect(f.code).toBe('invalid-input')
  })
})

describe('errors', () => {
  it('names a missing branch and lists the ones that exist', async () => {
    const { repo, options } = await setup()
    const f = await failure(
      new GitSource(gitId(repo.url, { type: 'branch', value: 'nope' }), options).lockedCommit()
    )
    expect(f.code).toBe('not-found')
    expect(f.message).toBe(`Branch \`nope\` not found in ${repo.url}.`)
    expect(f.hint).toContain('dev, main')
  })

  it('names a missing tag and rev', async () => {
    const { repo, options } = await setup()
    const tag = await failure(
      new GitSource(gitId(repo.url, { type: 'tag', value: 'v9' }), options).lockedCommit()
    )
    expect(tag.message).toBe(`Tag \`v9\` not found in ${repo.url}.`)
    expect(tag.hint).toContain('v0.1.0')
    const rev = await failure(
      new GitSource(gitId(repo.url, { type: 'rev', value: 'deadbeef' }), options).lockedCommit()
    )
    expect(rev.message).toBe(`Rev \`deadbeef\` not found in ${repo.url}.`)
  })

  it('says which URL could not be reached', async () => {
    const cacheDir = await tempDir('cs-git-cache-')
    const url = `file://${cacheDir}/does-not-exist.git`
    const f = await failure(new GitSource(gitId(url, { type: 'default' }), { cacheDir }).lockedCommit())
    expect(f.code).toBe('io')
    expect(f.message).toContain(`Could not fetch ${url}`)
    expect(f.message).toMatch(/does not appear to be a git repository/)
  })
})

describe('packages in the repository', () => {
  async function workspaceRepo() {
    const repo = await gitRepo('ws')
    const commit = await repo.commit({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
      'crates/alpha/Cargo.toml': manifest('alpha', '1.2.3'),
      'crates/alpha/src/lib.rs': '',
      'crates/beta/Cargo.toml': manifest(
        'beta',
        '0.4.0',
        '[dependencies]\nalpha = { path = "../alpha", version = "1" }\nserde = "1"\nother = { git = "https://example.com/other", tag = "v2" }\n'
      ),
      'crates/beta/src/lib.rs': '',
      'crates/beta/target/Cargo.toml': manifest('in-target'),
      '.hidden/Cargo.toml': manifest('hidden'),
      'examples/broken/Cargo.toml': '[package]\nname = \n'
    })
    return { repo, commit }
  }

  it('finds a package in a subdirectory of a workspace, with its path dependency on the same commit', async () => {
    const { repo, commit } = await workspaceRepo()
    const cacheDir = await tempDir('cs-git-cache-')
    const id = gitId(repo.url, { type: 'default' })
    const source = new GitSource(id, { cacheDir })
    const [beta] = await source.query('beta')
    expect(beta?.version).toBe('0.4.0')
    const self = { ...id, precise: commit }
    expect(beta?.deps).toEqual([
      expect.objectContaining({ name: 'alpha', req: '1', source: self }),
      expect.objectContaining({
        name: 'serde',
        req: '1',
        source: CRATES_IO
      }),
      expect.objectContaining({
        name: 'other',
        source: { kind: 'git', url: 'https://example.com/other', ref: { type: 'tag', value: 'v2' } }
      })
    ])
    const dir = await source.download(beta!)
    expect(dir.endsWith(join('crates', 'beta'))).toBe(true)
    expect((await source.packages()).map((p) => p.summary.name)).toEqual(['alpha', 'beta'])
  })

  it('skips target/ and hidden directories, and lists what it has when a package is missing', async () => {
    const { repo } = await workspaceRepo()
    const cacheDir = await tempDir('cs-git-cache-')
    const source = new GitSource(gitId(repo.url, { type: 'default' }), { cacheDir })
    expect(await source.query('in-target')).toEqual([])
    expect(await source.query('hidden')).toEqual([])
    const f = await failure(source.findPackage('gamma'))
    expect(f.code).toBe('not-found')
    expect(f.message).toMatch(/^There is no package named `gamma` in file:.*ws\.git at [0-9a-f]{7}\.$/)
    expect(f.hint).toContain('The repository has: `alpha`, `beta`.')
    expect(f.hint).toContain('examples/broken')
  })
})
