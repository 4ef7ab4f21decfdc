/**
 * The whole resolution path on real sources against the real cargo: path packages, Debian's
 * crates through `[source]` replacement, and a git dependency from a local bare repository.
 * Both tools write Cargo.lock for the same package; the files must be byte-identical.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import { offlinePackage, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { gitRepo } from '../../helpers/git-repo'
import { fileTempDir } from '../../helpers/temp-dir'

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
})
