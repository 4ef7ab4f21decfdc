/**
 * `crate-studio bench` against the real `cargo bench` (1.95) on the same packages: the status and
 * error lines on stderr, the harnesses' stdout and the exit status must match. Each tool builds
 * into its own target folder; paths, artifact hashes and timings are the only differences allowed.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeRun as normalize, runCargo, runLines, runOurs } from '../../helpers/side-by-side'
import { fileTempDir } from '../../helpers/temp-dir'
import { project } from '../../helpers/project'

/** Plain tests: stable libtest lists them as ignored under `--bench`. */
const LIB = `pub fn add(a: i32, b: i32) -> i32 { a + b }
#[cfg(test)]
mod tests {
    #[test] fn adds() { assert_eq!(super::add(1, 2), 3); }
    #[test] fn fails_when_run() { panic!("a test, not a benchmark") }
}
`
/** A criterion-style bench: its own main, using a dev-dependency, showing what cargo passed it. */
const CUSTOM = `fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("custom bench {} args: {:?}", helper::two(), args);
}
`
const DEMO_MANIFEST = `[[bench]]
name = "custom"
harness = false

[dev-dependencies]
helper = { path = "../helper" }

[profile.bench]
opt-level = 2
`
const FAIL = `fn main() { println!("fail bench ran"); eprintln!("fail bench stderr"); std::process::exit(1) }\n`
const member = (name: string) =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n[[bench]]\nname = "${name}b"\nharness = false\n`

let root: string
let cargoHome: string

beforeAll(async () => {
  root = await fileTempDir('cs-bench-')
  cargoHome = join(root, 'cargo-home')
  await project('helper').manifest('helper').file('src/lib.rs', 'pub fn two() -> i32 { 2 }\n').build(root)
  await project('demo')
    .manifest('demo', DEMO_MANIFEST)
    .file('src/lib.rs', LIB)
    .file('src/main.rs', 'fn main() {}\n#[test] fn in_main() {}\n')
    .file('benches/custom.rs', CUSTOM)
    .file('benches/lt.rs', '#[test] fn in_lt() {}\n')
    .file('tests/it.rs', '#[test] fn integration() {}\n')
    .file('examples/ex.rs', 'fn main() {}\n')
    .build(root)
  await project('failing')
    .manifest('failing', '[[bench]]\nname = "a_fail"\nharness = false\n')
    .file('src/lib.rs', 'pub fn f() {}\n')
    .file('benches/a_fail.rs', FAIL)
    .file('benches/b_ok.rs', '#[test] fn runs_after() {}\n')
    .build(root)
  await project('ws')
    .file('Cargo.toml', '[workspace]\nmembers = ["x", "y"]\nresolver = "2"\n')
    .file('x/Cargo.toml', member('x'))
    .file('x/src/lib.rs', '')
    .file('x/benches/xb.rs', FAIL)
    .file('y/Cargo.toml', member('y'))
    .file('y/src/lib.rs', '')
    .file('y/benches/yb.rs', FAIL)
    .build(root)
})

/** Each side's target folder: `dir` keeps builds of one test from making another's fresh. */
function targetDir(dir: string, side: 'cargo' | 'ours', fresh?: string): string {
  return join(root, dir, fresh ? `target-${side}-${fresh}` : `target-${side}`)
}

const cargo = (dir: string, args: readonly string[], fresh?: string) =>
  runCargo({ cwd: join(root, dir), targetDir: targetDir(dir, 'cargo', fresh), cargoHome }, args)

/** crate-studio in-process, its output captured. */
const ours = (dir: string, args: readonly string[], fresh?: string) =>
  runOurs({ cwd: join(root, dir), targetDir: targetDir(dir, 'ours', fresh), state: root }, args)

/** Both tools on the same arguments; their run lines, stdout and status must agree. */
async function compare(dir: string, args: readonly string[], fresh?: string) {
  const real = await cargo(dir, args, fresh)
  const mine = await ours(dir, args, fresh)
  expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
  expect(normalize(mine.stdout)).toBe(normalize(real.stdout))
  expect(mine.exitCode).toBe(real.exitCode)
  return { real, mine }
}

describe('bench compared with cargo bench', () => {
  it('runs the bench = true targets with --bench and the bench profile, no doc tests', async () => {
    const { real } = await compare('demo', ['bench'])
    expect(real.exitCode).toBe(0)
    expect(real.stderr).toContain('Finished `bench` profile [optimized] target(s)')
    // The library, the binary and both benches; integration tests and examples are not benched.
    expect(runLines(real.stderr).match(/Running .*/g)).toEqual([
      'Running unittests src/lib.rs (target/release/deps/demo-HASH)',
      'Running unittests src/main.rs (target/release/deps/demo-HASH)',
      'Running benches/custom.rs (target/release/deps/custom-HASH)',
      'Running benches/lt.rs (target/release/deps/lt-HASH)'
    ])
    expect(real.stderr).not.toContain('Doc-tests')
    // Plain tests are listed as ignored (the failing one never runs); the custom bench gets `--bench`.
    expect(real.stdout).toContain('test tests::fails_when_run ... ignored')
    expect(real.stdout).toContain('custom bench 2 args: ["--bench"]')
  })

  it('hands BENCHNAME and what follows -- to every harness, before --bench', async () => {
    const { real } = await compare('demo', ['bench', '--bench', 'custom', 'name', '--', 'a', '--b'])
    expect(real.stdout).toBe('custom bench 2 args: ["name", "a", "--b", "--bench"]')
    await compare('demo', ['bench', 'adds'])
  })

  it('lists the harnesses with --no-run: labels, or commands with -v, and [profile.bench] in rustc’s flags', async () => {
    const { real } = await compare('demo', ['bench', '--no-run', 'x', '--', 'y'])
    expect(runLines(real.stderr).split('\n').slice(1)).toEqual([
      '  Executable benches src/lib.rs (target/release/deps/demo-HASH)',
      '  Executable benches src/main.rs (target/release/deps/demo-HASH)',
      '  Executable benches/custom.rs (target/release/deps/custom-HASH)',
      '  Executable benches/lt.rs (target/release/deps/lt-HASH)'
    ])
    const verbose = ['bench', '-v', '--no-run', '--bench', 'custom', '--', 'z']
    const realV = await cargo('demo', verbose, 'verbose')
    const mineV = await ours('demo', verbose, 'verbose')
    const executables = (s: string) => normalize(s).match(/^ +Executable .*/gm)
    expect(executables(mineV.stderr)).toEqual(executables(realV.stderr))
    expect(executables(realV.stderr)).toEqual([
      `  Executable \`${join(root, 'demo', 'target-verbose', 'release', 'deps', 'custom-HASH')} z\``
    ])
    // The bench harness, compiled with `--cfg test` and [profile.bench]'s opt-level, by both tools.
    const benchRustc = (s: string) => s.split('\n').find((l) => l.includes('--crate-name custom'))
    for (const side of [realV.stderr, mineV.stderr]) {
      expect(benchRustc(side)).toContain('-C opt-level=2')
      expect(benchRustc(side)).toContain('--cfg test')
    }
    expect([mineV.exitCode, realV.exitCode]).toEqual([0, 0])
  })

  it('picks targets as cargo bench does: --tests, --benches, --lib, --examples, --all-targets', async () => {
    for (const flags of [
      ['--tests'],
      ['--benches', '--lib'],
      ['--examples'],
      ['--all-targets'],
      ['--test', 'it']
    ])
      await compare('demo', ['bench', ...flags])
    const { real } = await compare('demo', ['bench', '--all-targets'])
    expect(real.stderr).toContain('Running unittests examples/ex.rs (')
    expect(real.stderr).toContain('Running tests/it.rs (')
  })

  it('-q passes --quiet to libtest harnesses only; --release is not a bench option', async () => {
    const { real } = await compare('demo', ['bench', '-q'])
    expect(real.stdout).toContain('custom bench 2 args: ["--bench"]')
    const release = await ours('demo', ['bench', '--release'])
    const cargoRelease = await cargo('demo', ['bench', '--release'])
    expect([release.exitCode, cargoRelease.exitCode]).toEqual([1, 1])
    expect(release.stderr).toContain("'--release'")
  })

  it('prints build-finished between the build and the harnesses with --message-format json', async () => {
    const args = ['bench', '--message-format', 'json', '--bench', 'custom']
    const real = await cargo('demo', args)
    const mine = await ours('demo', args)
    const shape = (stdout: string) =>
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => {
          if (!l.startsWith('{')) return l
          const m = JSON.parse(l) as {
            reason: string
            target?: { name: string }
            profile?: { test: boolean }
          }
          return `${m.reason} ${m.target?.name ?? ''} ${m.profile?.test ?? ''}`
        })
    // Artifacts come in build order (which differs), then the line, then the harness's output.
    const sorted = (lines: string[]) => [...lines.slice(0, -2).sort(), ...lines.slice(-2)]
    expect(sorted(shape(mine.stdout))).toEqual(sorted(shape(real.stdout)))
    expect(shape(real.stdout).slice(-2)).toEqual(['build-finished  ', 'custom bench 2 args: ["--bench"]'])
    expect(runLines(mine.stderr)).toBe(runLines(real.stderr))
  })

  it('stops at a failing bench with its own status, or lists every failure with --no-fail-fast', async () => {
    const fast = await compare('failing', ['bench'])
    expect(fast.real.exitCode).toBe(1)
    expect(runLines(fast.real.stderr)).toContain(
      "error: bench failed, to rerun pass `--bench a_fail`\n\nCaused by:\n  process didn't exit successfully: `"
    )
    expect(fast.real.stderr).not.toContain('benches/b_ok.rs')
    const all = await compare('failing', ['bench', '--no-fail-fast'])
    expect(all.real.exitCode).toBe(101)
    expect(all.real.stderr).toContain('error: 1 target failed:\n    `--bench a_fail`')
    expect(all.real.stderr).toContain('Running benches/b_ok.rs')
  })

  it('names the package in rerun hints across a workspace', async () => {
    const { real } = await compare('ws', ['bench', '--workspace', '--no-fail-fast'])
    expect(real.stderr).toContain('error: 2 targets failed:\n    `-p x --bench xb`\n    `-p y --bench yb`')
    await compare('ws', ['bench', '-p', 'y'])
  })
})

describe('test --no-run, through the same machinery', () => {
  it('lists the harnesses as cargo test does, with `unittests` labels', async () => {
    const { real } = await compare('demo', ['test', '--no-run'])
    expect(runLines(real.stderr)).toContain('  Executable unittests src/lib.rs (target/debug/deps/demo-HASH)')
    expect(runLines(real.stderr)).toContain('  Executable tests/it.rs (target/debug/deps/it-HASH)')
  })
})
