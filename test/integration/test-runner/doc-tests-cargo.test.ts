/**
 * Doc tests run by the real `cargo test` (1.95) and by `crate-studio test` on the same packages:
 * the rustdoc command `-v` shows, the status and error lines on stderr, libtest's stdout and
 * the exit status must match. Each tool builds into its own target folder; paths and artifact
 * hashes are the only differences allowed.
 */
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeRun, runCargo, runLines as sharedRunLines, runOurs } from '../../helpers/side-by-side'
import { fileTempDir } from '../../helpers/temp-dir'
import { project } from '../../helpers/project'

const DEMO_LIB = `//! Crate docs.
//!
//! \`\`\`
//! assert_eq!(demo::add(1, 2), 3);
//! \`\`\`

/// Adds.
///
/// \`\`\`
/// assert_eq!(demo::add(2, 2), 4);
/// \`\`\`
///
/// \`\`\`
/// assert_eq!(demo::add(2, 2), 5, "bad math");
/// \`\`\`
///
/// \`\`\`no_run
/// loop {}
/// \`\`\`
///
/// \`\`\`ignore
/// not rust
/// \`\`\`
///
/// \`\`\`compile_fail
/// let x: i32 = "no";
/// \`\`\`
///
/// \`\`\`
/// assert_eq!(demo::add(helper::two(), 1), 3);
/// #[cfg(feature = "fancy")]
/// assert!(true);
/// \`\`\`
pub fn add(a: i32, b: i32) -> i32 { a + b }

#[cfg(test)]
mod tests {
    #[test] fn unit() {}
}
`
const DEMO_MANIFEST = `[features]
default = ["fancy"]
fancy = []

[dev-dependencies]
helper = { path = "../helper" }
`

/** Its build script's cfg, variable and generated file, a renamed dev-dependency, lints, LTO. */
const SCRIPT_MANIFEST = `build = "build.rs"

[dev-dependencies]
renamed = { package = "aaa", path = "../aaa" }

[lints.rust]
unused_variables = "deny"

[profile.release]
lto = true
`
const BUILD_RS = `fn main() {
    println!("cargo::rustc-cfg=from_script");
    println!("cargo::rustc-check-cfg=cfg(from_script)");
    println!("cargo::rustc-check-cfg=cfg(from_flags)");
    println!("cargo::rustc-env=SCRIPT_VAR=hello");
    println!("cargo::rustc-link-arg=-Wl,--as-needed");
    println!("cargo::rustc-link-search=native={}/native", env!("CARGO_MANIFEST_DIR"));
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(format!("{out}/gen.rs"), "pub const GEN: i32 = 5;").unwrap();
}
`
const SCRIPT_LIB = `include!(concat!(env!("OUT_DIR"), "/gen.rs"));
/// \`\`\`
/// assert_eq!(bs::GEN, 5);
/// assert_eq!(env!("SCRIPT_VAR"), "hello");
/// assert_eq!(renamed::v(), 7);
/// assert!(cfg!(from_script) && cfg!(from_flags));
/// assert!(std::env::var("OUT_DIR").is_ok());
/// \`\`\`
pub fn f() {}
`

const doc = (code: string, body = '') => `/// \`\`\`\n/// ${code}\n/// \`\`\`\n${body}`

let root: string
let cargoHome: string

beforeAll(async () => {
  root = await fileTempDir('cs-doctests-')
  cargoHome = join(root, 'cargo-home')
  await project('helper').manifest('helper').file('src/lib.rs', 'pub fn two() -> i32 { 2 }\n').build(root)
  await project('demo').manifest('demo', DEMO_MANIFEST).file('src/lib.rs', DEMO_LIB).build(root)
  await project('aaa').manifest('aaa').file('src/lib.rs', 'pub fn v() -> i32 { 7 }\n').build(root)
  await project('bs')
    .manifest('bs', SCRIPT_MANIFEST, '2018')
    .file('build.rs', BUILD_RS)
    .file('src/lib.rs', SCRIPT_LIB)
    .build(root)
  // The same package, with rustdoc and its flags from .cargo/config.toml: the host's target
  // table wins over [build], and rustdoc is a wrapper named relative to the config's folder.
  const host = /^host: (\S+)$/m.exec((await execa('rustc', ['-vV'])).stdout)![1]!
  await project('bs-config')
    .manifest('bs', SCRIPT_MANIFEST, '2018')
    .file('build.rs', BUILD_RS)
    .file('src/lib.rs', SCRIPT_LIB)
    .file(
      '.cargo/config.toml',
      `[build]\nrustdoc = "tools/logdoc"\nrustdocflags = ["--cfg", "not_this"]\n[target.${host}]\nrustdocflags = "--cfg from_flags"\n`
    )
    .executable('tools/logdoc', '#!/bin/sh\necho "$@" >> "$(dirname "$0")/calls"\nexec rustdoc "$@"\n')
    .build(root)
  // A workspace: a failing unit test, a failing doc test, a proc-macro, a cdylib, `doctest = false`.
  await project('ws')
    .file('Cargo.toml', '[workspace]\nmembers = ["a", "b", "cd", "nod", "pm"]\nresolver = "2"\n')
    .file('a/Cargo.toml', '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n')
    .file(
      'a/src/lib.rs',
      doc('assert_eq!(a::one(), 1);', 'pub fn one() -> i32 { 1 }\n#[test] fn fails() { panic!("boom") }\n')
    )
    .file('b/Cargo.toml', '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n')
    .file('b/src/lib.rs', doc('assert_eq!(b::two(), 3);', 'pub fn two() -> i32 { 2 }\n'))
    .file(
      'cd/Cargo.toml',
      '[package]\nname = "cd"\nversion = "0.1.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n'
    )
    .file('cd/src/lib.rs', doc('assert!(true);', 'pub fn x() {}\n'))
    .file(
      'nod/Cargo.toml',
      '[package]\nname = "nod"\nversion = "0.1.0"\nedition = "2021"\n[lib]\ndoctest = false\n'
    )
    .file('nod/src/lib.rs', doc('assert!(false);', 'pub fn x() {}\n'))
    // A proc-macro's unit tests use proc_macro too: their harness needs `--extern proc_macro`
    // and, linked with prefer-dynamic, the toolchain's libstd at run time.
    .file(
      'pm/Cargo.toml',
      '[package]\nname = "pm"\nversion = "0.1.0"\nedition = "2021"\n[lib]\nproc-macro = true\n'
    )
    .file(
      'pm/src/lib.rs',
      `use proc_macro::TokenStream;\n${doc('#[pm::nothing] fn f() {}\n/// f();', '#[proc_macro_attribute]\npub fn nothing(_a: TokenStream, i: TokenStream) -> TokenStream { i }\n#[test] fn names_token_stream() { assert!(std::any::type_name::<TokenStream>().ends_with("TokenStream")) }\n')}`
    )
    .build(root)
})

const cargo = (dir: string, args: readonly string[], env: Record<string, string> = {}) =>
  runCargo({ cwd: join(root, dir), targetDir: join(root, dir, 'target-cargo'), cargoHome, env }, args)

/** crate-studio in-process, its output captured. */
const ours = (dir: string, args: readonly string[], env: Record<string, string> = {}) =>
  runOurs({ cwd: join(root, dir), targetDir: join(root, dir, 'target-ours'), state: root, env }, args)

/** stderr without the build's own lines, which the build tests compare. */
const runLines = (stderr: string) => sharedRunLines(stderr, { withFinished: false })
const normalize = normalizeRun

/** The rustdoc commands a `-v` run shows (`logdoc` is a configured wrapper around it). */
function rustdocLines(stderr: string): string[] {
  return normalize(stderr)
    .split('\n')
    .filter((l) => /^\s+Running `\S*\/(rustdoc|logdoc) /.test(l))
}

describe('doc tests compared with cargo test', () => {
  it('runs after the unit tests: the same command, output, messages and status', async () => {
    const args = ['test', '-v', '--no-fail-fast', '--', '--test-threads=1']
    const real = await cargo('demo', args)
    const mine = await ours('demo', args)
    expect(real.stderr).toContain('   Doc-tests demo')
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(rustdocLines(mine.stderr)[0]).toContain('--extern helper=')
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    // A passing, a failing, a no_run, an ignore and a compile_fail example, and one using the dev-dependency.
    expect(real.stdout).toContain('test result: FAILED. 5 passed; 1 failed; 1 ignored')
    // With -v, a harness is named by its command line, as cargo names it.
    expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
    expect(runLines(real.stderr)).toMatch(/Running `\S+\/deps\/demo-HASH --test-threads=1`/)
    expect(mine.exitCode).toBe(real.exitCode)
    expect(mine.exitCode).toBe(101)
  })

  it('passes what follows -- to libtest as --test-args, and --doc runs only the doc tests', async () => {
    const args = ['test', '--doc', '--', 'add', '--test-threads=1']
    const real = await cargo('demo', args)
    const mine = await ours('demo', args)
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    expect(real.stdout).toContain('4 passed; 1 failed; 1 ignored; 0 measured; 1 filtered out')
    expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
    expect(real.stderr).not.toContain('Running unittests')
    expect([mine.exitCode, real.exitCode]).toEqual([101, 101])
  })

  it('gives rustdoc the build script’s output, renamed dependencies, lints, LTO and RUSTDOCFLAGS', async () => {
    const args = ['test', '--release', '--doc', '-v']
    const env = { RUSTDOCFLAGS: '--cfg from_flags' }
    const real = await cargo('bs', args, env)
    const mine = await ours('bs', args, env)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    for (const part of ['--extern renamed=', '-C lto ', '--cfg from_script', '--deny=unused_variables'])
      expect(rustdocLines(real.stderr)[0]).toContain(part)
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    expect(real.stdout).toContain('test result: ok. 1 passed')
    expect([mine.exitCode, real.exitCode]).toEqual([0, 0])
  })

  it('takes rustdoc and its flags from .cargo/config.toml, and RUSTDOCFLAGS over them', async () => {
    const args = ['test', '--doc', '-v']
    const real = await cargo('bs-config', args)
    const mine = await ours('bs-config', args)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(rustdocLines(real.stderr)[0]).toMatch(/Running `\S*\/bs-config\/tools\/logdoc .*--cfg from_flags/)
    expect(rustdocLines(real.stderr)[0]).not.toContain('not_this')
    expect([mine.exitCode, real.exitCode]).toEqual([0, 0])
    const env = { RUSTDOCFLAGS: '--cfg from_flags --cfg from_env' }
    const realEnv = await cargo('bs-config', args, env)
    const mineEnv = await ours('bs-config', args, env)
    expect(rustdocLines(mineEnv.stderr)).toEqual(rustdocLines(realEnv.stderr))
    expect(rustdocLines(realEnv.stderr)[0]).toContain('--cfg from_env')
  })

  it('runs no doc tests when target flags or a test name choose the tests', async () => {
    for (const args of [
      ['test', '--lib'],
      ['test', 'unit']
    ]) {
      const real = await cargo('demo', args)
      const mine = await ours('demo', args)
      expect(real.stderr).not.toContain('Doc-tests')
      expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
      expect([mine.exitCode, real.exitCode]).toEqual([0, 0])
    }
  })

  it('refuses --doc with target flags or --no-run, as cargo does', async () => {
    for (const args of [
      ['test', '--doc', '--lib'],
      ['test', '--doc', '--no-run']
    ]) {
      const real = await cargo('demo', args)
      const mine = await ours('demo', args)
      expect(mine.stderr.split('\n')[0]).toBe(real.stderr.split('\n')[0])
      expect([mine.exitCode, real.exitCode]).toEqual([101, 101])
    }
  })

  it('stops at a failing harness unless --no-fail-fast, then lists every failed target', async () => {
    for (const args of [
      ['test', '--workspace'],
      ['test', '--workspace', '--no-fail-fast']
    ]) {
      const real = await cargo('ws', args)
      const mine = await ours('ws', args)
      expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
      expect(mine.exitCode).toBe(real.exitCode)
    }
    const real = await cargo('ws', ['test', '--workspace', '--no-fail-fast'])
    expect(real.stderr).toContain('error: 2 targets failed:\n    `-p a --lib`\n    `-p b --doc`')
  })

  it('--doc tests every linkable library, proc-macros too, and warns about the rest', async () => {
    const args = ['test', '--workspace', '--doc', '--no-fail-fast', '-v']
    const real = await cargo('ws', args)
    const mine = await ours('ws', args)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(rustdocLines(real.stderr).some((l) => l.includes('--crate-type proc-macro'))).toBe(true)
    expect(
      runLines(mine.stderr)
        .split('\n')
        .filter((l) => !l.includes('Running `'))
    ).toEqual(
      runLines(real.stderr)
        .split('\n')
        .filter((l) => !l.includes('Running `'))
    )
    expect(mine.exitCode).toBe(real.exitCode)
  })

  it('fails --doc on a package whose library cannot have doc tests', async () => {
    const real = await cargo('ws', ['test', '-p', 'cd', '--doc'])
    const mine = await ours('ws', ['test', '-p', 'cd', '--doc'])
    const lines = (s: string) => s.split('\n').filter((l) => /^(warning|error):/.test(l))
    expect(lines(mine.stderr)).toEqual(lines(real.stderr))
    expect([mine.exitCode, real.exitCode]).toEqual([101, 101])
  })
})
