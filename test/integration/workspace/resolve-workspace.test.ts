/**
 * The whole resolution path on real sources against the real cargo: path packages, Debian's
 * crates through `[source]` replacement, and a git dependency from a local bare repository.
 * Both tools write Cargo.lock for the same package; the files must be byte-identical.
 */
import { writeFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import { offlinePackage, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { gitRepo } from '../../helpers/git-repo'
import { fileTempDir } from '../../helpers/temp-dir'
import { writeDirectoryRegistry } from '../resolver/directory-registry'

const CRATES = ['serde', 'anyhow', 'log', 'memchr', 'cc', 'rand', 'scopeguard']

async function ourLock(
  app: string,
  cacheDir: string,
  extra: Partial<Parameters<typeof resolveWorkspace>[0]> = {}
) {
  const result = await resolveWorkspace({
    manifestPath: join(app, 'Cargo.toml'),
    env: { PATH: process.env.PATH },
    homeDir: homedir(),
    cacheDir,
    offline: true,
    ...extra
  })
  return { result, text: await readFile(join(app, 'Cargo.lock'), 'utf8') }
}

beforeAll(async () => {
  await requireCargoAndRegistry(CRATES)
})

describe('resolving a package with path, registry and git dependencies', () => {
  it('writes the Cargo.lock cargo writes', async () => {
    const root = await fileTempDir('cs-resolve-')
    const upstream = await gitRepo('gitdep', root)
    await upstream.commit({
      'Cargo.toml': '[package]\nname = "gitdep"\nversion = "0.2.0"\n',
      'src/lib.rs': ''
    })
    await mkdir(join(root, 'util', 'src'), { recursive: true })
    await writeFile(
      join(root, 'util', 'Cargo.toml'),
      '[package]\nname = "util"\nversion = "0.3.0"\n[dependencies]\nmemchr = "2"\nlog = "0.4"\n'
    )
    await writeFile(join(root, 'util', 'src', 'lib.rs'), '')
    const manifest = [
      '[package]',
      'name = "app"',
      'version = "0.1.0"',
      'edition = "2021"',
      '[dependencies]',
      'serde = { version = "1", features = ["derive"] }',
      'anyhow = "1"',
      'util = { path = "../util" }',
      'rand = { version = "0.8", optional = true }',
      `gitdep = { git = "${upstream.url}", branch = "main" }`,
      '[build-dependencies]',
      'cc = "1"',
      '[dev-dependencies]',
      'scopeguard = "1"',
      ''
    ].join('\n')
    const app = await offlinePackage(join(root, 'app'), manifest)
    const cargoHome = join(root, 'cargo-home')

    // cargo first, online for the file:// git repository (nothing else leaves the machine).
    const cargo = await runCargo(['generate-lockfile'], app, cargoHome, false)
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    const expected = await readFile(join(app, 'Cargo.lock'), 'utf8')
    await rm(join(app, 'Cargo.lock'))

    const ours = await ourLock(app, join(root, 'cache'), { offline: false })
    expect(ours.text).toBe(expected)
    expect(ours.result.lockWritten).toBe(true)
    expect([...ours.result.packages.values()].map((p) => p.pkg.manifest.package.name).sort()).toContain(
      'serde_derive'
    )

    // A second resolution keeps the lock as it is, offline, from the caches.
    const again = await ourLock(app, join(root, 'cache'))
    expect(again.result.lockWritten).toBe(false)
    expect(again.text).toBe(expected)
  })

  it('refuses to change the lock under --locked, in cargo words, and leaves it alone', async () => {
    const root = await fileTempDir('cs-resolve-locked-')
    const app = await offlinePackage(
      join(root, 'app'),
      '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nanyhow = "1"\n'
    )
    await ourLock(app, join(root, 'cache'))
    const before = await readFile(join(app, 'Cargo.lock'), 'utf8')
    await writeFile(
      join(app, 'Cargo.toml'),
      '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nanyhow = "1"\nlog = "0.4"\n'
    )
    await expect(ourLock(app, join(root, 'cache'), { locked: '--locked' })).rejects.toThrow(
      /cannot update the lock file .*Cargo\.lock because --locked was passed to prevent this/
    )
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toBe(before)
  })

  it('keeps a git dependency on its locked commit until it is updated', async () => {
    const root = await fileTempDir('cs-resolve-git-')
    const upstream = await gitRepo('moving', root)
    const first = await upstream.commit({
      'Cargo.toml': '[package]\nname = "moving"\nversion = "0.1.0"\n',
      'src/lib.rs': ''
    })
    const app = await offlinePackage(
      join(root, 'app'),
      `[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nmoving = { git = "${upstream.url}", branch = "main" }\n`
    )
    const cache = join(root, 'cache')
    expect((await ourLock(app, cache, { offline: false })).text).toContain(`#${first}`)
    const second = await upstream.commit({ 'src/lib.rs': 'pub fn new() {}\n' })
    const kept = await ourLock(app, cache, { offline: false })
    expect(kept.result.lockWritten).toBe(false)
    expect(kept.text).toContain(`#${first}`)
    const updated = await ourLock(app, cache, { offline: false, update: ['moving'] })
    expect(updated.text).toContain(`#${second}`)
    expect(updated.text).not.toContain(first)
  })

  // cargo 1.95 ignores --precise for a registry served through [source] replacement (it prints
  // nothing and keeps the lock); we pin, which is what the flag asks for.
  it('update --precise pins a version, and refuses one no requirement accepts', async () => {
    const root = await fileTempDir('cs-resolve-precise-')
    await writeDirectoryRegistry(join(root, 'registry'), [
      { name: 'dep', version: '1.0.0' },
      { name: 'dep', version: '1.1.0' },
      { name: 'dep', version: '2.0.0' }
    ])
    const app = await offlinePackage(
      join(root, 'app'),
      '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\ndep = "1"\n'
    )
    await writeFile(
      join(app, '.cargo', 'config.toml'),
      `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = "${join(root, 'registry')}"\n`
    )
    const fresh = await ourLock(app, join(root, 'cache'))
    expect(fresh.text).toContain('name = "dep"\nversion = "1.1.0"')
    const pinned = await ourLock(app, join(root, 'cache'), { precise: { name: 'dep', version: '1.0.0' } })
    expect(pinned.text).toContain('name = "dep"\nversion = "1.0.0"')
    expect(pinned.text.replace(/version = "1\.0\.0"\n.*\nchecksum = .*/, '')).toBe(
      fresh.text.replace(/version = "1\.1\.0"\n.*\nchecksum = .*/, '')
    )
    await expect(
      ourLock(app, join(root, 'cache'), { precise: { name: 'dep', version: '2.0.0' } })
    ).rejects.toThrow(/2\.0\.0 does not satisfy/)
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toBe(pinned.text)
  })

  it('refuses a Cargo.lock that is not a regular file instead of blocking on it', async () => {
    const root = await fileTempDir('cs-resolve-fifo-')
    const app = await offlinePackage(join(root, 'app'), '[package]\nname = "app"\nversion = "0.1.0"\n')
    await execa('mkfifo', [join(app, 'Cargo.lock')])
    await expect(ourLock(app, join(root, 'cache'))).rejects.toThrow(/Cargo\.lock is not a regular file/)
  })

  it('prefers versions the toolchain can build under resolver 3 (edition 2024), as cargo does', async () => {
    const root = await fileTempDir('cs-resolve-msrv-')
    await writeDirectoryRegistry(join(root, 'registry'), [
      { name: 'foo', version: '1.0.0' },
      { name: 'foo', version: '1.1.0', rustVersion: '1.200' }
    ])
    const app = await offlinePackage(
      join(root, 'app'),
      '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\nfoo = "1"\n'
    )
    await writeFile(
      join(app, '.cargo', 'config.toml'),
      `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = "${join(root, 'registry')}"\n`
    )
    const cargoHome = join(root, 'cargo-home')
    expect((await runCargo(['generate-lockfile'], app, cargoHome)).exitCode).toBe(0)
    const expected = await readFile(join(app, 'Cargo.lock'), 'utf8')
    expect(expected).toContain('name = "foo"\nversion = "1.0.0"')
    await rm(join(app, 'Cargo.lock'))
    expect((await ourLock(app, join(root, 'cache'))).text).toBe(expected)
  })

  it('starts over when Cargo.lock changes while it resolves, instead of writing the old lock back', async () => {
    const root = await fileTempDir('cs-resolve-race-')
    const app = await offlinePackage(
      join(root, 'app'),
      '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nanyhow = "1"\n'
    )
    await ourLock(app, join(root, 'cache'))
    const other = (await readFile(join(app, 'Cargo.lock'), 'utf8')).replace(
      '# It is not',
      '# Written by someone else.\n# It is not'
    )
    let written = false
    const result = await ourLock(app, join(root, 'cache'), {
      update: true,
      onProgress: () => {
        if (written) return
        written = true
        writeFileSync(join(app, 'Cargo.lock'), other)
      }
    })
    expect(written).toBe(true)
    // The second attempt read the other writer's lock (its extra comment line is kept, as cargo keeps it).
    expect(result.text).toContain('# Written by someone else.')
  })
})
