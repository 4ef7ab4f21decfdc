/**
 * `--target <triple>` against the real cargo: naming the host's own triple (the only standard
 * library installed) still splits the build, as cargo does. Target units go to
 * `target/<triple>/debug/` with `--target` and RUSTFLAGS; build scripts, proc-macros and what they
 * use stay in `target/debug/` without either; a library used by both is compiled twice; the build
 * script's output lives with the package it runs for. `build.target` and CARGO_BUILD_TARGET do
 * the same, and `run` executes the program from the target's folder.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, requireCargoAndRegistry } from '../../helpers/cargo-offline'
import { tempDir } from '../../helpers/temp-dir'

const BUILD_RS = `fn main() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    println!("cargo:rustc-env=APP_TARGET={}", var("TARGET"));
    println!("cargo:rustc-env=APP_HOST={}", var("HOST"));
    println!("cargo:rustc-env=APP_FLAG_CFG={}", var("CARGO_CFG_APP_FLAG") == "");
    println!("cargo:rustc-env=APP_FLAG_SEEN={}", std::env::var("CARGO_CFG_APP_FLAG").is_ok());
    println!("cargo:rustc-env=APP_OS={}", var("CARGO_CFG_TARGET_OS"));
    println!("cargo:rustc-env=APP_SHARED={}", shared::value());
    let out = var("OUT_DIR");
    std::fs::write(format!("{out}/gen.rs"), "pub const GENERATED: u32 = 7;").unwrap();
}
`

const MAIN_RS = `include!(concat!(env!("OUT_DIR"), "/gen.rs"));
#[pm::answer]
fn placeholder() {}
fn main() {
    println!(
        "target={} host={} flag-seen={} os={} script-shared={} generated={} shared={} answer={} cfg-flag={}",
        env!("APP_TARGET"), env!("APP_HOST"), env!("APP_FLAG_SEEN"), env!("APP_OS"),
        env!("APP_SHARED"), GENERATED, shared::value(), answer(), cfg!(app_flag)
    );
}
`

const SHARED_BUILD_RS = `fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(format!("{out}/kind"), std::env::var("TARGET").unwrap()).unwrap();
    println!("cargo:rustc-env=SHARED_VALUE=3");
}
`

const PM_RS = `use proc_macro::TokenStream;
#[proc_macro_attribute]
pub fn answer(_a: TokenStream, _i: TokenStream) -> TokenStream {
    "fn answer() -> u32 { 42 }".parse().unwrap()
}
`

/** An app with a build script and a proc-macro, and a library both its script and its code use. */
async function fixture(root: string, config?: string): Promise<string> {
  const write = async (path: string, text: string) => {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
  const pkg = (name: string, extra = '') =>
    `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`
  await write(
    'app/Cargo.toml',
    pkg(
      'app',
      '\n[dependencies]\nshared = { path = "../shared" }\npm = { path = "../pm" }\n\n[build-dependencies]\nshared = { path = "../shared" }\n'
    )
  )
  await write('app/build.rs', BUILD_RS)
  await write('app/src/main.rs', MAIN_RS)
  await write('shared/Cargo.toml', pkg('shared'))
  // The shared library's own script runs once per kind: for the build script, and for the program.
  await write('shared/build.rs', SHARED_BUILD_RS)
  await write('shared/src/lib.rs', 'pub fn value() -> u32 { env!("SHARED_VALUE").parse().unwrap() }\n')
  await write('pm/Cargo.toml', pkg('pm', '\n[lib]\nproc-macro = true\n'))
  await write('pm/src/lib.rs', PM_RS)
  if (config) await write('app/.cargo/config.toml', config)
  return join(root, 'app')
}

let host = ''

function toolEnv(root: string, extra: Record<string, string>): Record<string, string> {
  return {
    CARGO_HOME: join(root, 'cargo-home'),
    CRATE_STUDIO_CACHE_DIR: join(root, 'cache'),
    CARGO_TERM_COLOR: 'never',
    NO_COLOR: '1',
    ...extra
  }
}

/** Runs the real cargo or our CLI in a fresh copy of the fixture. */
async function runTool(
  tool: 'cargo' | 'ours',
  args: readonly string[],
  o: { config?: string; env?: Record<string, string> } = {}
) {
  const root = await tempDir(`cs-target-${tool}-`)
  const app = await fixture(root, o.config)
  const r = await execa(tool === 'cargo' ? 'cargo' : CLI, [...args], {
    cwd: app,
    reject: false,
    env: toolEnv(root, o.env ?? {})
  })
  return { ...r, root, app }
}

/** Every file and folder under target/, hashes and cargo's own bookkeeping files left out. */
async function listing(app: string): Promise<string[]> {
  const target = join(app, 'target')
  const entries = await readdir(target, { recursive: true, withFileTypes: true })
  return entries
    .map((e) => relative(target, join(e.parentPath, e.name)))
    .filter(
      (p) =>
        // Each tool keeps its own fingerprints, locks and caches; incremental state is rustc's.
        !/(^|\/)(\.fingerprint|incremental)\/./.test(p) &&
        !/(^|\/)(\.rustc_info\.json|CACHEDIR\.TAG|\.cargo-lock|invoked\.timestamp|examples|tmp)$/.test(p) &&
        !/^([^/]+\/)?debug\/app\.d$/.test(p)
    )
    .map((p) => p.replace(/[0-9a-f]{16}/g, 'HASH').replaceAll(host, 'TRIPLE'))
    .sort()
}

/**
 * The rustc command lines of `-v`, with the run's folder, hashes and rustc's path normalised (and
 * the ANSI rendering our CLI leaves out under NO_COLOR).
 */
function rustcLines(stderr: string, root: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => /Running `\S*rustc /.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/^Running `\S*rustc /, 'rustc ')
        .replace('--json=diagnostic-rendered-ansi,', '--json=')
        .replaceAll(root, 'ROOT')
        .replace(/[0-9a-f]{16}/g, 'HASH')
        .replaceAll(host, 'TRIPLE')
    )
    .sort()
}

describe('--target with the host triple, compared with cargo', () => {
  beforeAll(async () => {
    await requireCargoAndRegistry([])
    host = /host: (\S+)/.exec((await execa('rustc', ['-vV'])).stdout)![1]!
  })

  it('splits host and target units the way cargo does (folders, rustc arguments, RUSTFLAGS)', async () => {
    const args = ['build', '-v', '--target', host]
    const env = { RUSTFLAGS: '--cfg app_flag' }
    const cargo = await runTool('cargo', args, { env })
    const ours = await runTool('ours', args, { env })
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(ours.exitCode, ours.stderr).toBe(0)

    const layout = await listing(ours.app)
    expect(layout).toEqual(await listing(cargo.app))
    // The library both sides use is built twice; the script's output is the target package's.
    expect(layout).toContain('debug/deps/libshared-HASH.rlib')
    expect(layout).toContain('TRIPLE/debug/deps/libshared-HASH.rlib')
    expect(layout).toContain('debug/build/app-HASH/build-script-build')
    expect(layout).toContain('TRIPLE/debug/build/app-HASH/out/gen.rs')
    expect(layout).toContain('TRIPLE/debug/app')
    expect(layout).toContain('debug/deps/libpm-HASH.so')
    expect(layout).toContain('debug/build/shared-HASH/out/kind')
    expect(layout).toContain('TRIPLE/debug/build/shared-HASH/out/kind')

    const lines = rustcLines(ours.stderr, ours.root)
    expect(lines).toEqual(rustcLines(cargo.stderr, cargo.root))
    // Host units get neither --target nor RUSTFLAGS; target units both.
    const hostShared = lines.find((l) => l.includes('--crate-name shared') && !l.includes('--target'))
    expect(hostShared).toBeDefined()
    expect(hostShared).not.toContain('app_flag')
    expect(lines.filter((l) => l.includes('--target TRIPLE') && l.endsWith('--cfg app_flag`'))).toHaveLength(
      2
    )

    // A second build finds every unit, host and target, fresh in its own folder.
    const again = await execa(CLI, args, { cwd: ours.app, reject: false, env: toolEnv(ours.root, env) })
    expect(again.exitCode, again.stderr).toBe(0)
    expect(again.stderr).not.toMatch(/Compiling|Dirty|Running/)
    expect(again.stderr).toMatch(/Fresh app v0\.1\.0/)

    // The program saw TARGET, HOST and the target's cfg (with RUSTFLAGS) in its build script.
    const exe = join('target', host, 'debug', 'app')
    const run = async (app: string) => (await execa(join(app, exe))).stdout
    expect(await run(ours.app)).toBe(await run(cargo.app))
    expect(await run(ours.app)).toBe(
      `target=${host} host=${host} flag-seen=true os=linux script-shared=3 generated=7 shared=3 answer=42 cfg-flag=true`
    )
  })

  it('takes the target from build.target and runs target/<triple>/debug/<bin>', async () => {
    const config = `[build]\ntarget = "${host}"\n`
    const cargo = await runTool('cargo', ['run', '-q'], { config })
    const ours = await runTool('ours', ['run', '-q'], { config })
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(ours.exitCode, ours.stderr).toBe(0)
    expect(ours.stdout).toBe(cargo.stdout)
    expect(ours.stdout).toContain(`target=${host} host=${host} flag-seen=false`)
    expect(await listing(ours.app)).toEqual(await listing(cargo.app))
  })

  it('takes the target from CARGO_BUILD_TARGET, and says where it runs the program', async () => {
    const env = { CARGO_BUILD_TARGET: host }
    const cargo = await runTool('cargo', ['run'], { env })
    const ours = await runTool('ours', ['run'], { env })
    expect(ours.exitCode, ours.stderr).toBe(0)
    const running = (stderr: string) =>
      stderr
        .split('\n')
        .find((l) => l.includes('Running'))
        ?.trim()
    expect(running(ours.stderr)).toBe(`Running \`target/${host}/debug/app\``)
    expect(running(ours.stderr)).toBe(running(cargo.stderr))
    const finished = (stderr: string) =>
      stderr
        .split('\n')
        .find((l) => l.includes('Finished'))
        ?.replace(/in [\d.]+m?s/, 'in T')
    expect(finished(ours.stderr)).toBe(finished(cargo.stderr))
    expect(ours.stdout).toBe(cargo.stdout)
  })

  it('without a target shares the library between the build script and the program, as before', async () => {
    const cargo = await runTool('cargo', ['build', '-v'])
    const ours = await runTool('ours', ['build', '-v'])
    expect(ours.exitCode, ours.stderr).toBe(0)
    const shared = (stderr: string, root: string) =>
      rustcLines(stderr, root).filter((l) => l.includes('--crate-name shared'))
    expect(shared(ours.stderr, ours.root)).toHaveLength(1)
    expect(shared(cargo.stderr, cargo.root)).toHaveLength(1)
    expect(await listing(ours.app)).toEqual(await listing(cargo.app))
  })
})
