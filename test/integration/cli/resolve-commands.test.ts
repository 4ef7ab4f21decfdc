/**
 * `generate-lockfile`, `metadata`, `tree`, `update` and `fetch` through the built CLI, on our
 * own resolver end to end, against the real cargo on the same package (see mixed-package.ts).
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { MIXED_CRATES, mixedPackage } from '../../helpers/mixed-package'
import { fileTempDir } from '../../helpers/temp-dir'

let root: string
let app: string
let cargoHome: string
let cargoLocking: string

const ours = (args: readonly string[]) =>
  execa(CLI, [...args], {
    cwd: app,
    reject: false,
    // Our git cache has cargo's layout; sharing cargo's home makes checkout paths (in metadata) equal.
    env: { NO_COLOR: '1', CRATE_STUDIO_CACHE_DIR: cargoHome }
  })
const cargo = (args: readonly string[], offline = true) => runCargo(args, app, cargoHome, offline)

beforeAll(async () => {
  await requireCargoAndRegistry(MIXED_CRATES)
  root = await fileTempDir('cs-cli-resolve-')
  cargoHome = join(root, 'cargo-home')
  app = await mixedPackage(root)
  // cargo fetches the file:// repository once (it is on this machine); everything else is offline.
  const fetched = await cargo(['generate-lockfile'], false)
  expect(fetched.exitCode, fetched.stderr).toBe(0)
  cargoLocking = /Locking \d+ packages? to latest compatible versions?/.exec(fetched.stderr)?.[0] ?? 'none'
})

describe('resolving commands against cargo', () => {
  it('generate-lockfile writes cargo’s Cargo.lock and says what it locked', async () => {
    const expected = await readFile(join(app, 'Cargo.lock'), 'utf8')
    await rm(join(app, 'Cargo.lock'))
    const r = await ours(['generate-lockfile'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toBe(expected)
    expect(r.stderr).toContain(cargoLocking)
  })

  it.each([
    [['--format-version', '1']],
    [['--format-version', '1', '--no-deps']],
    [['--format-version', '1', '--all-features']],
    [['--format-version', '1', '--filter-platform', 'x86_64-unknown-linux-gnu']]
  ])('metadata %j prints cargo’s JSON', async (args) => {
    const [a, b] = await Promise.all([cargo(['metadata', ...args]), ours(['metadata', ...args, '--offline'])])
    expect(a.exitCode, a.stderr).toBe(0)
    expect(b.exitCode, b.stderr).toBe(0)
    expect(b.stdout).toBe(a.stdout)
  })

  it.each([
    [[]],
    [['-i', 'log@0.4.17']],
    [['-i', 'log@0.3.9', '-e', 'all']],
    [['-i', 'scopeguard', '-e', 'normal,dev']],
    [['-d']],
    [['-e', 'features']],
    [['-e', 'normal', '--depth', '1']],
    [['--prefix', 'depth']],
    [['--no-dedupe']],
    [['--target', 'all']],
    [['-e', 'no-proc-macro']],
    [['-f', '{p} {l} {f}']],
    [['--features', 'rand']]
  ])('tree %j prints cargo’s text', async (args) => {
    const [a, b] = await Promise.all([cargo(['tree', ...args]), ours(['tree', ...args, '--offline'])])
    expect(a.exitCode, a.stderr).toBe(0)
    expect(b.exitCode, b.stderr).toBe(0)
    expect(b.stdout).toBe(a.stdout)
  })

  it('update -p adds what the manifest gained, and fetch --locked refuses a stale lock', async () => {
    const manifest = await readFile(join(app, 'Cargo.toml'), 'utf8')
    await writeFile(join(app, 'Cargo.toml'), manifest.replace('anyhow = "1"\n', 'anyhow = "1"\nitoa = "1"\n'))
    try {
      const stale = await ours(['fetch', '--locked'])
      expect(stale.exitCode).toBe(101)
      expect(stale.stderr).toMatch(/cannot update the lock file .*Cargo\.lock because --locked was passed/)
      const r = await ours(['update', '-p', 'itoa', '--offline'])
      expect(r.exitCode, r.stderr).toBe(0)
      expect(r.stderr).toMatch(/Locking 1 package to latest compatible version\n\s+Adding itoa v1\./)
      const mine = await readFile(join(app, 'Cargo.lock'), 'utf8')
      const c = await cargo(['update', '-p', 'itoa'])
      expect(c.exitCode, c.stderr).toBe(0)
      expect(mine).toBe(await readFile(join(app, 'Cargo.lock'), 'utf8'))
    } finally {
      await writeFile(join(app, 'Cargo.toml'), manifest)
    }
  })
})
