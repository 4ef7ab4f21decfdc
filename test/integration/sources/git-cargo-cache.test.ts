/**
 * The cache is cargo's own shape, checked with the real cargo: cargo builds offline from a
 * cache this source filled (same database and checkout directory names, refs where cargo
 * looks, the `.cargo-ok` marker), and this source works offline from a cache cargo filled.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitCacheIdent } from '../../../src/main/engine/sources/git/canonical-url'
import { GitSource } from '../../../src/main/engine/sources/git/git-source'
import { runCargo } from '../../helpers/cargo-offline'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

async function dependent(url: string): Promise<string> {
  const dir = await tempDir('cs-app-')
  await mkdir(join(dir, 'src'))
  await writeFile(join(dir, 'src', 'main.rs'), 'fn main() { foo::hello(); }\n')
  await writeFile(
    join(dir, 'Cargo.toml'),
    manifest('app', '0.1.0', `[dependencies]\nfoo = { git = "${url}", branch = "main" }\n`)
  )
  return dir
}

async function upstream() {
  const repo = await gitRepo('Foo-Repo')
  await repo.commit({ 'Cargo.toml': manifest('foo'), 'src/lib.rs': 'pub fn hello() {}\n' })
  return { repo, commit: await repo.head() }
}

describe('the git cache and the real cargo', () => {
  it('cargo --offline locks and reuses what this source fetched and checked out', async () => {
    const { repo, commit } = await upstream()
    const cargoHome = await tempDir('cs-cargo-home-')
    const source = new GitSource(
      { kind: 'git', url: repo.url, ref: { type: 'branch', value: 'main' } },
      { cacheDir: cargoHome }
    )
    const checkout = await source.checkoutDir()

    const app = await dependent(repo.url)
    const lock = await runCargo(['generate-lockfile'], app, cargoHome)
    expect(lock.stderr).not.toMatch(/error/)
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toContain(
      `source = "git+${repo.url}?branch=main#${commit}"`
    )

    const meta = await runCargo(['metadata', '--format-version', '1'], app, cargoHome)
    const pkgs = (JSON.parse(meta.stdout) as { packages: { name: string; manifest_path: string }[] }).packages
    expect(pkgs.find((p) => p.name === 'foo')?.manifest_path).toBe(join(checkout, 'Cargo.toml'))
  })

  it('this source works offline from what cargo fetched', async () => {
    const { repo, commit } = await upstream()
    const cargoHome = await tempDir('cs-cargo-home-')
    const app = await dependent(repo.url)
    const fetched = await runCargo(['fetch'], app, cargoHome, false)
    expect(fetched.exitCode, fetched.stderr).toBe(0)

    const offline = new GitSource(
      { kind: 'git', url: repo.url, ref: { type: 'branch', value: 'main' }, precise: commit },
      { cacheDir: cargoHome, offline: true, onProgress: (e) => expect(e.phase).not.toBe('checking-out') }
    )
    expect(await offline.checkoutDir()).toBe(
      join(cargoHome, 'git', 'checkouts', gitCacheIdent(repo.url), commit.slice(0, 7))
    )
    const unlocked = new GitSource(
      { kind: 'git', url: repo.url, ref: { type: 'branch', value: 'main' } },
      { cacheDir: cargoHome, offline: true }
    )
    expect(await unlocked.lockedCommit()).toBe(commit)
  })
})
