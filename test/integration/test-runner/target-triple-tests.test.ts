/**
 * `test` and `bench` with `--target <triple>` (and `build.target`) against the real cargo 1.95,
 * naming the host's triple (the only standard library installed). Harnesses run from
 * `target/<triple>/<profile>/deps/` with cargo's labels, see that kind's folders on the library
 * path and their programs as `CARGO_BIN_EXE_*` there; rustdoc gets `--target` and both deps
 * folders, and links the library and its dependencies from the target's folders but proc-macros
 * from the host's. A proc-macro package's own harness and doc tests stay the host's.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeRun, runCargo, runLines, runOurs } from '../../helpers/side-by-side'
import { fileTempDir } from '../../helpers/temp-dir'
import { project } from '../../helpers/project'

/** Prints the library path's entries inside the run's target folder or the toolchain's rustlib. */
const PRINT_LIBRARY_PATH = `fn library_path() -> String {
    std::env::var("LD_LIBRARY_PATH").unwrap_or_default().split(':')
        .filter(|p| p.contains("/target-") || p.contains("/rustlib/"))
        .collect::<Vec<_>>().join(":")
}`

const APP_LIB = `//! \`\`\`
//! #[pm::answer]
//! fn placeholder() {}
//! assert_eq!(answer(), 42);
//! assert_eq!(app::three(), 3);
//! let path = std::env::var("LD_LIBRARY_PATH").unwrap_or_default();
//! std::fs::write("doc-env.txt", path).unwrap();
//! \`\`\`
pub fn three() -> u32 { shared::value() }

#[cfg(test)]
mod tests {
    ${PRINT_LIBRARY_PATH}
    #[test]
    fn env() { println!("LIB={}", library_path()); }
}
`

const APP_MAIN = `fn main() { println!("{}", app::three()); }
#[test]
fn in_bin() {}
`

const APP_IT = `${PRINT_LIBRARY_PATH}
#[test]
fn runs_the_program() {
    let exe = env!("CARGO_BIN_EXE_app");
    println!("EXE={exe}");
    println!("LIB={}", library_path());
    let out = std::process::Command::new(exe).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "3\\n");
}
`

const PM_LIB = `use proc_macro::TokenStream;
/// \`\`\`
/// #[pm::answer]
/// fn placeholder() {}
/// assert_eq!(answer(), 42);
/// \`\`\`
#[proc_macro_attribute]
pub fn answer(_a: TokenStream, _i: TokenStream) -> TokenStream {
    "fn answer() -> u32 { 42 }".parse().unwrap()
}

#[cfg(test)]
mod tests {
    ${PRINT_LIBRARY_PATH}
    #[test]
    fn env() { println!("LIB={}", library_path()); }
}
`

const APP_MANIFEST = `[dependencies]
shared = { path = "../shared" }
pm = { path = "../pm" }
`

let root: string
let cargoHome: string
let host: string

beforeAll(async () => {
  host = /host: (\S+)/.exec((await execa('rustc', ['-vV'])).stdout)![1]!
  root = await fileTempDir('cs-target-tests-')
  cargoHome = join(root, 'cargo-home')
  const app = (dir: string) =>
    project(dir)
      .manifest('app', APP_MANIFEST)
      .file('src/lib.rs', APP_LIB)
      .file('src/main.rs', APP_MAIN)
      .file('tests/it.rs', APP_IT)
      .file('benches/b.rs', '#[test]\nfn bench_like() {}\n')
  await app('app').build(root)
  // The same package with its target named by the configuration rather than the command line.
  await app('configured').file('.cargo/config.toml', `[build]\ntarget = "${host}"\n`).build(root)
  await project('shared').manifest('shared').file('src/lib.rs', 'pub fn value() -> u32 { 3 }\n').build(root)
  await project('pm').manifest('pm', '[lib]\nproc-macro = true\n').file('src/lib.rs', PM_LIB).build(root)
})

const cargo = (dir: string, args: readonly string[]) =>
  runCargo({ cwd: join(root, dir), targetDir: join(root, dir, 'target-cargo'), cargoHome }, args)

const ours = (dir: string, args: readonly string[]) =>
  runOurs({ cwd: join(root, dir), targetDir: join(root, dir, 'target-ours'), state: root }, args)

/** Output with the run's folder and the host's triple named as such. */
const normalize = (text: string) => normalizeRun(text).replaceAll(root, 'ROOT').replaceAll(host, 'TRIPLE')

/** Everything on stderr after the build, `Finished` and the rustc commands left out. */
const messages = (stderr: string) =>
  runLines(stderr, { withFinished: false }).replaceAll(root, 'ROOT').replaceAll(host, 'TRIPLE')

/** The rustdoc commands a `-v` run shows. */
const rustdocLines = (stderr: string) =>
  normalize(stderr)
    .split('\n')
    .filter((l) => /^\s+Running `\S*\/rustdoc /.test(l))
    .map((l) => l.trim())

/** Runs a tool, then reads (and removes) the library path the doc test wrote. */
async function withDocEnv<R extends { readonly stdout: string; readonly stderr: string }>(
  dir: string,
  run: () => Promise<R>
): Promise<R & { readonly docEnv: string }> {
  const file = join(root, dir, 'doc-env.txt')
  await rm(file, { force: true })
  const result = await run()
  const docEnv = await readFile(file, 'utf8').catch(() => '')
  const inTarget = docEnv.split(':').filter((p) => p.includes('/target-'))
  return { ...result, docEnv: normalize(inTarget.join(':')) }
}

describe('test and bench with --target, compared with cargo', () => {
  it('runs harnesses from target/<triple>/debug/deps with cargo’s labels, library path and CARGO_BIN_EXE', async () => {
    const args = ['test', '--target', host, '--', '--nocapture', '--test-threads=1']
    const real = await withDocEnv('app', () => cargo('app', args))
    const mine = await withDocEnv('app', () => ours('app', args))
    expect(real.exitCode, real.stderr).toBe(0)
    expect(mine.exitCode, mine.stderr).toBe(0)
    expect(messages(mine.stderr)).toBe(messages(real.stderr))
    expect(messages(mine.stderr)).toContain(
      'Running unittests src/lib.rs (target/TRIPLE/debug/deps/app-HASH)'
    )
    expect(messages(mine.stderr)).toContain('Running tests/it.rs (target/TRIPLE/debug/deps/it-HASH)')
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    // The target's folders only, then the target's own libraries of the toolchain.
    expect(normalize(mine.stdout)).toMatch(
      /^LIB=ROOT\/app\/target\/TRIPLE\/debug:ROOT\/app\/target\/TRIPLE\/debug\/deps:\S+\/lib\/rustlib\/TRIPLE\/lib$/m
    )
    expect(normalize(mine.stdout)).toContain('EXE=ROOT/app/target/TRIPLE/debug/app\n')
    // rustdoc is a host tool: it (and the doctests it runs) see the host's deps folder.
    expect(mine.docEnv).toBe(real.docEnv)
    expect(mine.docEnv).toBe('ROOT/app/target/debug/deps')
  })

  it('gives rustdoc --target, both deps folders, target externs and the host’s proc-macro', async () => {
    const args = ['test', '-v', '--doc', '--target', host]
    const real = await cargo('app', args)
    const mine = await ours('app', args)
    expect(mine.exitCode, mine.stderr).toBe(0)
    const [line] = rustdocLines(mine.stderr)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(line).toContain('--test-run-directory ROOT/app --target TRIPLE ')
    expect(line).toContain('--extern app=ROOT/app/target/TRIPLE/debug/deps/libapp-HASH.rlib')
    expect(line).toContain('--extern pm=ROOT/app/target/debug/deps/libpm-HASH.so')
    expect(line).toContain('--extern shared=ROOT/app/target/TRIPLE/debug/deps/libshared-HASH.rlib')
    expect(line).toContain(
      '-L dependency=ROOT/app/target/TRIPLE/debug/deps -L dependency=ROOT/app/target/debug/deps '
    )
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
  })

  it('keeps a proc-macro’s own harness and doc tests on the host', async () => {
    const args = ['test', '-v', '--target', host, '--', '--nocapture']
    const real = await cargo('pm', args)
    const mine = await ours('pm', args)
    expect(mine.exitCode, mine.stderr).toBe(0)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(rustdocLines(mine.stderr)[0]).not.toContain('--target')
    expect(rustdocLines(mine.stderr)[0]).toContain(' -L dependency=ROOT/pm/target/debug/deps -C ')
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    expect(normalize(mine.stdout)).toMatch(
      /^LIB=ROOT\/pm\/target\/debug:ROOT\/pm\/target\/debug\/deps:\S+\/rustlib\/TRIPLE\/lib$/m
    )
    // -v names the harness by its command line, as cargo does: on the host, in target/debug/deps.
    expect(messages(mine.stderr)).toContain('Running `ROOT/pm/target/debug/deps/pm-HASH --nocapture`')
    expect(messages(mine.stderr)).toBe(messages(real.stderr))
  })

  it('lists the --no-run executables of test and bench in the target’s folders', async () => {
    for (const command of ['test', 'bench']) {
      const args = [command, '--no-run', '--target', host]
      const real = await cargo('app', args)
      const mine = await ours('app', args)
      expect(mine.exitCode, mine.stderr).toBe(0)
      expect(messages(mine.stderr)).toBe(messages(real.stderr))
      const listed =
        command === 'test'
          ? 'Executable tests/it.rs (target/TRIPLE/debug/deps/it-HASH)'
          : 'Executable benches/b.rs (target/TRIPLE/release/deps/b-HASH)'
      expect(messages(mine.stderr)).toContain(listed)
    }
  })

  it('runs the bench harnesses from target/<triple>/release/deps', async () => {
    const args = ['bench', '--target', host]
    const real = await cargo('app', args)
    const mine = await ours('app', args)
    expect(mine.exitCode, mine.stderr).toBe(0)
    expect(messages(mine.stderr)).toBe(messages(real.stderr))
    expect(messages(mine.stderr)).toContain('Running benches/b.rs (target/TRIPLE/release/deps/b-HASH)')
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
  })

  it('takes the target from build.target in .cargo/config.toml', async () => {
    const args = ['test', '-v', '--', '--nocapture', '--test-threads=1']
    const real = await cargo('configured', args)
    const mine = await ours('configured', args)
    expect(mine.exitCode, mine.stderr).toBe(0)
    expect(rustdocLines(mine.stderr)).toEqual(rustdocLines(real.stderr))
    expect(rustdocLines(mine.stderr)[0]).toContain('--target TRIPLE')
    expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
    expect(normalize(mine.stdout)).toContain('EXE=ROOT/configured/target/TRIPLE/debug/app\n')
  })
})
