/**
 * Building and running a package whose dependencies come from everywhere cargo takes them from:
 * Debian's crates (crates.io through `[source]` replacement), a git repository, and path
 * packages, one of them named like a registry crate. The real cargo builds an identical copy;
 * both must lock, announce and warn alike, and the program proves every dependency's code ran.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBuild, type BuildOptions } from '../../../src/main/engine/compiler/build-runner'
import { runPackage } from '../../../src/main/engine/run/run-package'
import { main } from '../../../src/main/cli/main'
import { offlinePackage, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { eventLog } from '../../helpers/events'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'

// None of these has a build script (checked in /usr/share/cargo/registry): they build today.
const CRATES = ['itoa', 'either', 'cfg-if', 'lazy_static', 'scopeguard']
const ALL = { lib: true, bins: 'all' } as const

const MAIN = `fn main() {
    let mut buf = itoa::Buffer::new();
    let side: either::Either<u8, &str> = either::Either::Right(helper::guarded());
    cfg_if::cfg_if! { if #[cfg(unix)] { let os = "unix"; } else { let os = "other"; } }
    println!("{} | {} | {} | {}", buf.format(gitdep::answer() * 1000), side, os, fake_itoa::local());
}
`

/** The app and its path dependencies under `dir`, depending on the shared git repository. */
async function writeApp(dir: string, gitUrl: string, extraDeps = ''): Promise<string> {
  await writeFile(
    join(await mkPackage(join(dir, 'helper')), 'Cargo.toml'),
    manifest('helper', '0.3.0', '[dependencies]\nscopeguard = "1"\n')
  )
  await writeFile(
    join(dir, 'helper', 'src', 'lib.rs'),
    'use std::cell::Cell;\npub fn guarded() -> &\'static str {\n    let unused = 1;\n    let ran = Cell::new(false);\n    { let _g = scopeguard::guard((), |_| ran.set(true)); }\n    if ran.get() { "guard ran" } else { "guard skipped" }\n}\n'
  )
  await writeFile(join(await mkPackage(join(dir, 'itoa')), 'Cargo.toml'), manifest('itoa', '1.0.1'))
  await writeFile(join(dir, 'itoa', 'src', 'lib.rs'), 'pub fn local() -> &\'static str { "local itoa" }\n')
  const app = await offlinePackage(
    join(dir, 'app'),
    manifest(
      'app',
      '0.1.0',
      [
        '[dependencies]',
        'itoa = "1"',
        'either = "1"',
        'cfg-if = "1"',
        'helper = { path = "../helper" }',
        `gitdep = { git = "${gitUrl}" }`,
        'fake-itoa = { path = "../itoa", package = "itoa" }',
        extraDeps
      ].join('\n')
    )
  )
  await writeFile(join(app, 'src', 'main.rs'), MAIN)
  return app
}

async function mkPackage(dir: string): Promise<string> {
  await mkdir(join(dir, 'src'), { recursive: true })
  return dir
}

/** cargo's status lines (`Updating`, `Locking`, `Adding`, `Compiling`) from its stderr or our log. */
function statusLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^ {0,12}(Updating|Locking|Adding|Compiling) /.test(l))
    .map((l) => l.trim())
}

interface Fixture {
  readonly root: string
  readonly app: string
  readonly gitUrl: string
  readonly options: (extra?: Partial<BuildOptions>) => BuildOptions
}

async function fixture(root: string): Promise<Fixture> {
  const upstream = await gitRepo('gitdep', root)
  await upstream.commit({
    'Cargo.toml': manifest('gitdep', '0.2.0', '[dependencies]\nlazy_static = "1"\n'),
    'src/lib.rs':
      'lazy_static::lazy_static! { static ref ANSWER: u32 = 40 + 2; }\npub fn answer() -> u32 {\n    let unused = 1;\n    *ANSWER\n}\n'
  })
  const app = await writeApp(join(root, 'ours'), upstream.url)
  return {
    root,
    app,
    gitUrl: upstream.url,
    options: (extra = {}) => ({
      manifestPath: join(app, 'Cargo.toml'),
      profile: 'dev',
      selection: ALL,
      env: { PATH: process.env.PATH, CARGO_HOME: join(root, 'our-cargo-home') },
      homeDir: root,
      cacheDir: join(root, 'cache'),
      ...extra
    })
  }
}

beforeAll(async () => {
  await requireCargoAndRegistry(CRATES)
})

describe('building with registry, git and path dependencies', () => {
  it('locks, compiles and warns as cargo does, and the program runs every dependency', async () => {
    const root = await fileTempDir('cs-build-deps-')
    const f = await fixture(root)
    const log = eventLog()
    const build = await runBuild(f.options(), { sink: log.sink })
    expect(build.success, log.text()).toBe(true)

    // The same package built by cargo, in a copy beside ours.
    const theirs = await writeApp(join(root, 'theirs'), f.gitUrl)
    const cargo = await runCargo(['build'], theirs, join(root, 'cargo-home'), false)
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    const cargoLines = statusLines(cargo.stderr.replaceAll(join(root, 'theirs'), join(root, 'ours')))
    const ourLines = statusLines(log.text())
    // cargo starts equally urgent units in no fixed order: the lines before compiling must match
    // exactly, the Compiling lines as a set, and the package itself comes last in both.
    const compiling = (lines: string[]) => lines.filter((l) => l.startsWith('Compiling'))
    expect(ourLines.filter((l) => !l.startsWith('Compiling'))).toEqual(
      cargoLines.filter((l) => !l.startsWith('Compiling'))
    )
    expect([...compiling(ourLines)].sort()).toEqual([...compiling(cargoLines)].sort())
    expect(compiling(ourLines).at(-1)).toBe(`Compiling app v0.1.0 (${f.app})`)
    expect(ourLines).toContain('Locking 8 packages to latest compatible versions')
    expect(ourLines).toContain(`Compiling gitdep v0.2.0 (${f.gitUrl}#${(await gitHead(root)).slice(0, 8)})`)
    expect(ourLines).toContain('Compiling itoa v1.0.1')
    expect(ourLines).toContain(`Compiling itoa v1.0.1 (${join(root, 'ours', 'itoa')})`)
    expect(await readFile(join(f.app, 'Cargo.lock'), 'utf8')).toBe(
      await readFile(join(theirs, 'Cargo.lock'), 'utf8')
    )

    // Lints are the user's business only in path packages: gitdep's unused variable stays quiet.
    for (const text of [log.text(), cargo.stderr]) {
      expect(text).toContain('`helper` (lib) generated 1 warning')
      expect(text).not.toContain('`gitdep` (lib) generated')
    }

    // Two `itoa` libraries, one per source, side by side in deps/.
    const rlibs = (await readdir(join(f.app, 'target', 'debug', 'deps'))).filter(
      (n) => n.startsWith('libitoa-') && n.endsWith('.rlib')
    )
    expect(rlibs).toHaveLength(2)

    const runLog = eventLog()
    const run = await runPackage(
      { ...f.options(), args: [], cwd: f.app, stdio: 'pipe' },
      { sink: runLog.sink }
    )
    expect(run.exit?.exitCode, runLog.text()).toBe(0)
    expect(runLog.programOutput()).toBe('42000 | guard ran | unix | local itoa\n')
    // The lock is up to date now: nothing to report before compiling.
    expect(statusLines(runLog.text()).filter((l) => !l.startsWith('Compiling'))).toEqual([])
    expect((await execa(join(f.app, 'target', 'debug', 'app'))).stdout).toBe(
      '42000 | guard ran | unix | local itoa'
    )
  })

  it('reports a lock change as cargo does: Locking, then one Adding line per new package', async () => {
    const root = await tempDir('cs-build-lock-')
    const f = await fixture(root)
    const theirs = await writeApp(join(root, 'theirs'), f.gitUrl)
    const cargoHome = join(root, 'cargo-home')
    const both = async (edit: (toml: string) => string) => {
      for (const app of [f.app, theirs]) {
        const toml = join(app, 'Cargo.toml')
        await writeFile(toml, edit(await readFile(toml, 'utf8')))
      }
      const log = eventLog()
      expect((await runBuild(f.options(), { sink: log.sink })).success, log.text()).toBe(true)
      const cargo = await runCargo(['build'], theirs, cargoHome, false)
      expect(cargo.exitCode, cargo.stderr).toBe(0)
      const before = (lines: string[]) => lines.filter((l) => !l.startsWith('Compiling'))
      return { ours: before(statusLines(log.text())), cargo: before(statusLines(cargo.stderr)) }
    }
    await both((t) => t)
    // Both were locked already, as dependencies of dependencies: the lock changes, nothing is added.
    const direct = await both((t) => `${t}scopeguard = "1"\nlazy_static = "1"\n`)
    expect(direct.ours).toEqual([])
    expect(direct.ours).toEqual(direct.cargo)
    const added = await both((t) => `${t}rand_core = "0.6"\n`)
    expect(added.ours).toEqual(['Locking 1 package to latest compatible version', 'Adding rand_core v0.6.3'])
    expect(added.ours).toEqual(added.cargo)
    // Removing a package rewrites the lock silently.
    const removed = await both((t) => t.replace('rand_core = "0.6"\n', ''))
    expect(removed.ours).toEqual([])
    expect(removed.ours).toEqual(removed.cargo)
  })

  it('--locked and --frozen with a stale Cargo.lock fail in cargo words and build nothing', async () => {
    const root = await tempDir('cs-build-locked-')
    const f = await fixture(root)
    expect((await runBuild(f.options(), { sink: eventLog().sink })).success).toBe(true)
    await rm(join(f.app, 'target'), { recursive: true })
    const lockBefore = await readFile(join(f.app, 'Cargo.lock'), 'utf8')
    const toml = join(f.app, 'Cargo.toml')
    await writeFile(
      toml,
      (await readFile(toml, 'utf8')).replace('either = "1"', 'either = "1"\nscopeguard = "1"')
    )
    for (const flag of ['--locked', '--frozen']) {
      // From the package's folder: cargo reads .cargo/config.toml (the source replacement) from where it runs.
      const r = await cli(['build', flag, '--manifest-path', toml], f.app, join(root, 'cache'))
      expect(r.status).toBe(101)
      // cargo's words; the CLI prints an error's file first, as it does for every error with one.
      expect(r.err).toContain(
        `cannot update the lock file ${join(f.app, 'Cargo.lock')} because ${flag} was passed to prevent this\n`
      )
      expect(r.err).toContain(
        `to generate the lock file without accessing the network, remove the ${flag} flag and use --offline instead.`
      )
      expect(r.err).not.toContain('Compiling')
    }
    expect(await readFile(join(f.app, 'Cargo.lock'), 'utf8')).toBe(lockBefore)
    await expect(readdir(join(f.app, 'target'))).rejects.toThrow()
  })

  it('--offline builds from the caches, and says so when a git repository is not cached', async () => {
    const root = await tempDir('cs-build-offline-')
    const f = await fixture(root)
    const toml = join(f.app, 'Cargo.toml')
    const cold = await cli(['build', '--offline', '--manifest-path', toml], f.app, join(root, 'empty-cache'))
    expect(cold.status).toBe(101)
    expect(cold.err).toContain(`it is not in the git cache, and fetching is off (offline).`)
    await expect(readdir(join(f.app, 'target'))).rejects.toThrow()

    expect((await runBuild(f.options(), { sink: eventLog().sink })).success).toBe(true)
    const warm = await cli(['run', '--offline', '--manifest-path', toml], f.app, join(root, 'cache'))
    expect(warm.status, warm.err).toBe(0)
    expect(warm.out).toBe('42000 | guard ran | unix | local itoa\n')
    expect(warm.err).not.toContain('Updating git repository')
  })

  it('names the Rust version an edition-2024 package resolves for, as cargo does', async () => {
    const root = await tempDir('cs-build-msrv-')
    const toml = '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\nitoa = "1"\n'
    const ours = await offlinePackage(join(root, 'ours'), toml)
    const theirs = await offlinePackage(join(root, 'theirs'), toml)
    const log = eventLog()
    const options = { profile: 'dev', selection: ALL, env: { PATH: process.env.PATH }, homeDir: root }
    const build = await runBuild(
      { ...options, manifestPath: join(ours, 'Cargo.toml'), cacheDir: join(root, 'cache') },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    const cargo = await runCargo(['build'], theirs, join(root, 'cargo-home'))
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    const locking = (text: string) => statusLines(text).filter((l) => l.startsWith('Locking'))
    expect(locking(log.text())).toEqual(locking(cargo.stderr))
    expect(locking(log.text())).toEqual([
      expect.stringMatching(/^Locking 1 package to latest Rust 1\.\d+\.\d+ compatible version$/)
    ])
  })

  it("runs dependencies' build scripts and proc-macros for the host, and compiles with what they printed", async () => {
    const root = await tempDir('cs-build-script-dep-')
    const app = await offlinePackage(
      join(root, 'app'),
      manifest(
        'app',
        '0.1.0',
        '[dependencies]\nmemchr = "2"\nserde = { version = "1", features = ["derive"] }\n'
      )
    )
    await writeFile(
      join(app, 'src', 'main.rs'),
      '#[derive(serde::Serialize)]\nstruct Point { x: i32 }\nfn main() {\n    let p = Point { x: 7 };\n    println!("{:?} {}", memchr::memchr(b\'c\', b"abc"), p.x);\n}\n'
    )
    const log = eventLog()
    const result = await runBuild(
      {
        manifestPath: join(app, 'Cargo.toml'),
        profile: 'dev',
        selection: ALL,
        env: { PATH: process.env.PATH },
        homeDir: root,
        cacheDir: join(root, 'cache')
      },
      { sink: log.sink }
    )
    expect(log.events.filter((e) => e.type === 'message' || e.type === 'diagnostic')).toEqual([])
    expect(result.success).toBe(true)
    const kinds = (name: string) =>
      result.plan.units.filter((u) => u.node.pkg.manifest.package.name === name).map((u) => u.kind)
    expect(kinds('memchr')).toEqual(['custom-build', 'run-custom-build', 'lib'])
    expect(kinds('serde_derive')).toEqual(['custom-build', 'run-custom-build', 'lib'])
    // The proc-macro and everything it uses run inside rustc: built for the host.
    const host = result.plan.units.filter((u) => u.forHost).map((u) => u.node.pkg.manifest.package.name)
    expect(new Set(host)).toEqual(
      new Set(['memchr', 'serde', 'serde_derive', 'proc-macro2', 'quote', 'syn', 'unicode-ident'])
    )
    const ran = log.events.filter((e) => e.type === 'build-script-executed')
    const memchrRun = ran.find(
      (e) => e.type === 'build-script-executed' && e.unit.node.pkg.manifest.package.name === 'memchr'
    )
    expect(memchrRun?.type === 'build-script-executed' && memchrRun.output.cfgs).toContain(
      'memchr_runtime_simd'
    )
    const exe = join(app, 'target', 'debug', 'app')
    expect((await execa(exe)).stdout).toBe('Some(2) 7')
  })
})

/** The CLI in-process, its output captured, with its own cargo home and cache folder. */
async function cli(args: readonly string[], root: string, cacheDir: string) {
  let out = ''
  let err = ''
  const status = await main(args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      CARGO_HOME: join(root, 'our-cargo-home'),
      CRATE_STUDIO_CACHE_DIR: cacheDir,
      NO_COLOR: '1'
    },
    stderrIsTty: false,
    signal: new AbortController().signal,
    out: (t) => void (out += t),
    err: (t) => void (err += t)
  })
  return { status, out, err }
}

async function gitHead(root: string): Promise<string> {
  return (await execa('git', ['rev-parse', 'HEAD'], { cwd: join(root, 'gitdep') })).stdout.trim()
}
