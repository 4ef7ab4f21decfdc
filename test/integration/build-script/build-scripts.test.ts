/**
 * Build scripts end to end, with real rustc and a real C compiler: cfgs, variables, code
 * generated into OUT_DIR, a C static library built by the script (through the `cc` crate from
 * Debian's registry) and linked, `links` metadata handed to a dependent's script, and reruns
 * that follow `rerun-if-changed` only.
 */
import { readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import type { EngineEvent } from '../../../src/main/engine/compiler/events'
import { OFFLINE_CONFIG, requireCargoAndRegistry } from '../../helpers/cargo-offline'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

const NATIVE_MANIFEST = `links = "native"
build = "build.rs"

[build-dependencies]
cc = "1"
`

const NATIVE_BUILD = `fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=c/add.c");
    cc::Build::new().file("c/add.c").compile("add");
    println!("cargo:version=42");
}
`

const LIB = `mod ffi {
    extern "C" {
        pub fn add(a: i32, b: i32) -> i32;
    }
}
pub fn add(a: i32, b: i32) -> i32 {
    unsafe { ffi::add(a, b) }
}
`

const APP_BUILD = `use std::{env, fs, path::Path};
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=config.txt");
    println!("cargo::rustc-check-cfg=cfg(from_script)");
    println!("cargo::rustc-cfg=from_script");
    println!("cargo::rustc-env=GREETING=hello from build.rs");
    let native = env::var("DEP_NATIVE_VERSION").expect("links metadata from the native dependency");
    let config = fs::read_to_string("config.txt").unwrap();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    fs::write(out, format!("pub const NATIVE: &str = {:?};\\npub const CONFIG: &str = {:?};\\n", native, config.trim())).unwrap();
}
`

const APP_MAIN = `include!(concat!(env!("OUT_DIR"), "/generated.rs"));
fn main() {
    let cfg = if cfg!(from_script) { "cfg on" } else { "cfg off" };
    println!("{} | {} | native {} | config {} | 2+3={}", env!("GREETING"), cfg, NATIVE, CONFIG, native::add(2, 3));
}
`

async function fixture(): Promise<string> {
  const root = await tempDir('cs-build-scripts-')
  await project('native')
    .manifest('native', NATIVE_MANIFEST)
    .file('build.rs', NATIVE_BUILD)
    .file('c/add.c', 'int add(int a, int b) { return a + b; }\n')
    .file('src/lib.rs', LIB)
    .build(root)
  await project('app')
    .manifest('app', 'build = "build.rs"\n\n[dependencies]\nnative = { path = "../native" }\n')
    .file('build.rs', APP_BUILD)
    .file('config.txt', 'first\n')
    .file('notes.txt', 'not watched\n')
    .file('src/main.rs', APP_MAIN)
    .file('.cargo/config.toml', `${OFFLINE_CONFIG}[net]\noffline = true\n`)
    .build(root)
  return join(root, 'app')
}

async function build(app: string) {
  const log = eventLog()
  const result = await runBuild(
    {
      manifestPath: join(app, 'Cargo.toml'),
      profile: 'dev',
      selection: { lib: true, bins: 'all' },
      env: { PATH: process.env.PATH },
      homeDir: app,
      cacheDir: join(app, '..', 'cache')
    },
    { sink: log.sink }
  )
  const errors = log.events.filter((e) => e.type === 'message' && e.level === 'error')
  expect(errors).toEqual([])
  expect(result.success).toBe(true)
  return { result, log, ran: ran(log.events) }
}

/** "package kind" of every unit that ran (was not fresh). */
function ran(events: readonly EngineEvent[]): string[] {
  const started = new Set(events.flatMap((e) => (e.type === 'unit-started' ? [e.unitId] : [])))
  const planned = events.find((e) => e.type === 'planned')
  if (planned?.type !== 'planned') return []
  return planned.units.filter((u) => started.has(u.id)).map((u) => `${u.packageName} ${u.kind}`)
}

async function program(app: string): Promise<string> {
  return (await execa(join(app, 'target', 'debug', 'app'))).stdout
}

/** Moves a file's time forward, as an edit a moment later would. */
async function touch(path: string): Promise<void> {
  const later = new Date(Date.now() + 2000)
  await utimes(path, later, later)
}

describe('build scripts', () => {
  beforeAll(() => requireCargoAndRegistry(['cc']))

  it('give cfgs, variables, generated code, a linked C library and links metadata; rerun only as told', async () => {
    const app = await fixture()
    const first = await build(app)
    expect(first.ran).toEqual(
      expect.arrayContaining([
        'native custom-build',
        'native run-custom-build',
        'native lib',
        'app custom-build',
        'app run-custom-build',
        'app bin'
      ])
    )
    expect(await program(app)).toBe('hello from build.rs | cfg on | native 42 | config first | 2+3=5')
    // cargo's files beside OUT_DIR.
    const runDir = first.result.plan.units.find(
      (u) => u.kind === 'run-custom-build' && u.node.isRoot
    )!.scriptDir!
    expect(await readFile(join(runDir, 'output'), 'utf8')).toContain('cargo::rustc-cfg=from_script')
    expect(await readFile(join(runDir, 'root-output'), 'utf8')).toBe(join(runDir, 'out'))

    // Nothing changed: nothing runs, not even the scripts.
    expect((await build(app)).ran).toEqual([])

    // A file the script does not watch: still nothing.
    await writeFile(join(app, 'notes.txt'), 'edited\n')
    await touch(join(app, 'notes.txt'))
    expect((await build(app)).ran).toEqual([])

    // A watched file: the script reruns and the binary rebuilds with the new code; the
    // dependency's script and library do not.
    await writeFile(join(app, 'config.txt'), 'second\n')
    await touch(join(app, 'config.txt'))
    const rerun = await build(app)
    expect(rerun.ran).toEqual(['app run-custom-build', 'app bin'])
    const reasons = rerun.log.events.flatMap((e) => (e.type === 'unit-started' && e.reason ? [e.reason] : []))
    expect(reasons[0]).toMatch(/^the file `config\.txt` has changed/)
    expect(reasons[1]).toBe('the dependency app was rebuilt')
    expect(await program(app)).toBe('hello from build.rs | cfg on | native 42 | config second | 2+3=5')

    // The C source: the native script reruns and everything that links it follows.
    await writeFile(
      join(app, '..', 'native', 'c', 'add.c'),
      'int add(int a, int b) { return a + b + 100; }\n'
    )
    await touch(join(app, '..', 'native', 'c', 'add.c'))
    const native = await build(app)
    expect(native.ran).toEqual(['native run-custom-build', 'native lib', 'app run-custom-build', 'app bin'])
    expect(await program(app)).toBe('hello from build.rs | cfg on | native 42 | config second | 2+3=105')
  })
})
