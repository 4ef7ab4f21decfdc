/**
 * `[replace]` end to end against the real cargo: the same package, a synthetic directory
 * registry and a path or git replacement; Cargo.lock, `cargo tree` and `cargo metadata` must
 * come out byte-identical, and cargo's errors and warnings must read the same.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cargoMetadata } from '../../../src/main/engine/metadata/cargo-metadata'
import { hostTargetData } from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { cargoTree } from '../../../src/main/engine/tree/cargo-tree'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import { runCargo } from '../../helpers/cargo-offline'
import { gitRepo } from '../../helpers/git-repo'
import { runRealCargo } from '../../helpers/resolve-from-cargo'
import { fileTempDir } from '../../helpers/temp-dir'
import { manifestOf, writeDirectoryRegistry, writePackage, type PackageSpec } from './directory-registry'

const REGISTRY: readonly PackageSpec[] = [
  { name: 'bar', version: '0.1.0' },
  { name: 'bar', version: '0.2.0' },
  { name: 'baz', version: '0.1.0', deps: [{ name: 'bar', req: '0.1' }] },
  { name: 'qux', version: '0.2.0' },
  { name: 'qux', version: '0.2.1' }
]

interface Setup {
  readonly root: string
  readonly app: string
  readonly cargoHome: string
  readonly cache: string
}

async function setup(appManifest: (root: string) => string | Promise<string>): Promise<Setup> {
  const root = await fileTempDir('cs-replace-')
  await writeDirectoryRegistry(join(root, 'registry'), REGISTRY)
  const app = join(root, 'app')
  await writePackage(app, { name: 'app', version: '0.1.0' })
  await writeFile(join(app, 'Cargo.toml'), await appManifest(root))
  await writeFile(join(app, 'src', 'main.rs'), 'fn main() {}\n')
  const config = `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = "${join(root, 'registry')}"\n`
  await mkdir(join(app, '.cargo'))
  await writeFile(join(app, '.cargo', 'config.toml'), config)
  // Our git cache in cargo's home, as cargo lays it out: metadata then names the same checkouts.
  const cargoHome = join(root, 'cargo-home')
  return { root, app, cargoHome, cache: cargoHome }
}

function ours(s: Setup, extra: Partial<Parameters<typeof resolveWorkspace>[0]> = {}) {
  return resolveWorkspace({
    manifestPath: join(s.app, 'Cargo.toml'),
    env: { PATH: process.env.PATH },
    homeDir: homedir(),
    cacheDir: s.cache,
    offline: false,
    ...extra
  })
}

/** cargo's Cargo.lock for the package (written fresh), then removed for ours. */
async function cargoLock(s: Setup): Promise<string> {
  const run = await runCargo(['generate-lockfile'], s.app, s.cargoHome, false)
  expect(run.exitCode, run.stderr).toBe(0)
  const text = await readFile(join(s.app, 'Cargo.lock'), 'utf8')
  await rm(join(s.app, 'Cargo.lock'))
  return text
}

/** cargo's warnings (the lines after `warning: `), without its status lines. */
function warningsOf(stderr: string): string[] {
  return stderr
    .replace(/^ +[A-Z][a-z]+ .*\n/gm, '')
    .split(/^warning: /m)
    .slice(1)
    .map((w) => w.trimEnd())
}

const header = (deps: string) => manifestOf({ name: 'app', version: '0.1.0' }) + `\n[dependencies]\n${deps}\n`

let hostData: ReturnType<typeof hostTargetData>

beforeAll(async () => {
  const rustc = await rustcInfo(await findRustc())
  hostData = hostTargetData(rustc)
})

describe('[replace] against the real cargo', () => {
  it('a path replacement of a direct and transitive dependency: lock, tree and metadata', async () => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localbar'), {
        name: 'bar',
        version: '0.1.0',
        deps: [{ name: 'qux', req: '0.2' }]
      })
      return `${header('baz = "0.1"\nbar = "0.1"')}\n[replace]\n"bar:0.1.0" = { path = "../localbar" }\n`
    })
    const expected = await cargoLock(s)
    expect(expected).toContain('replace = "bar 0.1.0"')

    const first = await ours(s)
    expect(await readFile(join(s.app, 'Cargo.lock'), 'utf8')).toBe(expected)
    expect(first.lockWritten).toBe(true)
    expect(first.warnings).toEqual([])

    const again = await ours(s, { offline: true })
    expect(again.lockWritten).toBe(false)

    const cargoTreeRun = await runRealCargo(['tree', '--offline'], s.app, s.cargoHome)
    expect(cargoTreeRun.exitCode, cargoTreeRun.stderr).toBe(0)
    expect(cargoTree(again, hostData).text).toBe(cargoTreeRun.stdout)

    const meta = await runRealCargo(['metadata', '--format-version', '1', '--offline'], s.app, s.cargoHome)
    expect(meta.exitCode, meta.stderr).toBe(0)
    const text = await cargoMetadata(again, {})
    expect(JSON.parse(text)).toEqual(JSON.parse(meta.stdout))
    expect(text).toBe(meta.stdout)
  })

  it('a git replacement of a transitive dependency stays on its locked commit', async () => {
    let repo: Awaited<ReturnType<typeof gitRepo>> | undefined
    const s = await setup(async (root) => {
      repo = await gitRepo('gitbar', root)
      await repo.commit({
        'Cargo.toml': manifestOf({ name: 'bar', version: '0.1.0', deps: [{ name: 'qux', req: '0.2' }] }),
        'src/lib.rs': ''
      })
      return `${header('baz = "0.1"')}\n[replace]\n"bar:0.1.0" = { git = "${repo.url}" }\n`
    })
    const expected = await cargoLock(s)
    expect(expected).toMatch(/replace = "bar 0\.1\.0 \(git\+file:\/\/.*\)"/)

    await ours(s)
    expect(await readFile(join(s.app, 'Cargo.lock'), 'utf8')).toBe(expected)

    // A new commit upstream: the lock keeps the old one, as cargo's does.
    await repo!.commit({ 'src/lib.rs': 'pub fn new() {}\n' })
    const kept = await ours(s)
    expect(kept.lockWritten).toBe(false)
    const cargoTreeRun = await runRealCargo(['tree'], s.app, s.cargoHome)
    expect(cargoTreeRun.exitCode, cargoTreeRun.stderr).toBe(0)
    expect(await readFile(join(s.app, 'Cargo.lock'), 'utf8')).toBe(expected)
    expect(cargoTree(kept, hostData).text).toBe(cargoTreeRun.stdout)
    const meta = await runRealCargo(['metadata', '--format-version', '1'], s.app, s.cargoHome)
    expect(meta.exitCode, meta.stderr).toBe(0)
    expect(await cargoMetadata(kept, {})).toBe(meta.stdout)
  })

  it('a path replacement with its own path dependency, replacing a crates.io package by full spec', async () => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localqux', 'inner'), { name: 'inner', version: '1.0.0' })
      await writePackage(join(root, 'localqux'), {
        name: 'qux',
        version: '0.2.1',
        deps: [{ name: 'inner', req: '*', path: 'inner' }]
      })
      return `${header('qux = "0.2"\nbar = "0.2"')}\n[replace]\n"https://github.com/rust-lang/crates.io-index#qux@0.2.1" = { path = "../localqux" }\n`
    })
    const expected = await cargoLock(s)
    await ours(s)
    expect(await readFile(join(s.app, 'Cargo.lock'), 'utf8')).toBe(expected)
    expect((await ours(s, { offline: true })).lockWritten).toBe(false)
  })

  it('warns, as cargo tree does, about a spec nothing matched and fields a replacement ignores', async () => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localbar'), { name: 'bar', version: '0.1.0' })
      return `${header('baz = "0.1"')}\n[replace]\n"bar:0.1.0" = { path = "../localbar", features = ["x"], default-features = false }\n"qux:0.2.0" = { path = "../localbar" }\n`
    })
    const run = await runCargo(['tree'], s.app, s.cargoHome)
    expect(run.exitCode, run.stderr).toBe(0)
    const ws = await ours(s, { offline: true })
    expect(ws.warnings).toEqual(warningsOf(run.stderr))
    expect(ws.warnings).toHaveLength(2)
    // generate-lockfile reads no packages and, like cargo's, says nothing.
    const quiet = await ours(s, { offline: true, readPackages: false, ignoreLock: true })
    expect(quiet.warnings).toEqual([])
  })

  it.each([
    ['a replacement of another version', 'bar = "0.2"', '"bar:0.2.0" = { path = "../localbar" }'],
    [
      'overlapping specs',
      'baz = "0.1"',
      '"bar:0.1.0" = { path = "../localbar" }\n"bar@0.1.0" = { path = "../localbar" }'
    ]
  ])('reports %s in cargo’s words', async (_, deps, entries) => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localbar'), { name: 'bar', version: '0.1.0' })
      return `${header(deps)}\n[replace]\n${entries}\n`
    })
    const run = await runCargo(['generate-lockfile'], s.app, s.cargoHome)
    expect(run.exitCode).toBe(101)
    const cargoMessage = run.stderr.replace(/^error: /, '').trimEnd()
    const error = await ours(s, { offline: true }).then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(error?.message).toBe(cargoMessage)
  })

  it.each([
    ['a version requirement', '"bar:0.1.0" = "0.2.0"'],
    ['no version in the key', '"bar" = { path = "../localbar" }'],
    ['a partial version', '"bar:0.1" = { path = "../localbar" }'],
    ['an invalid version', '"bar:*" = { path = "../localbar" }']
  ])('refuses %s as cargo does', async (_, entry) => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localbar'), { name: 'bar', version: '0.1.0' })
      return `${header('bar = "0.1"')}\n[replace]\n${entry}\n`
    })
    const run = await runCargo(['generate-lockfile'], s.app, s.cargoHome)
    expect(run.exitCode).toBe(101)
    const cause = run.stderr.split('Caused by:\n  ')[1]!.split('\n')[0]!
    await expect(ours(s, { offline: true })).rejects.toThrow(cause)
  })

  it('refuses [replace] beside [patch] as cargo does', async () => {
    const s = await setup(async (root) => {
      await writePackage(join(root, 'localbar'), { name: 'bar', version: '0.1.0' })
      return `${header('bar = "0.1"')}\n[replace]\n"bar:0.1.0" = { path = "../localbar" }\n\n[patch.crates-io]\nbar = { path = "../localbar" }\n`
    })
    const run = await runCargo(['generate-lockfile'], s.app, s.cargoHome)
    expect(run.stderr).toContain('cannot specify both [replace] and [patch]')
    await expect(ours(s, { offline: true })).rejects.toThrow('cannot specify both [replace] and [patch]')
  })
})
