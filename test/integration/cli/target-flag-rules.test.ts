/**
 * Which targets each command's flags take, against the real cargo: named flags (`--lib`,
 * `--bins`, `--examples`) ignore a target's `test`/`bench` flag, `--tests`/`--benches` and the
 * defaults follow it, and `test --examples` runs examples as harnesses.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { project } from '../../helpers/project'
import { runCargo, runLines, runOurs } from '../../helpers/side-by-side'
import { tempDir } from '../../helpers/temp-dir'

const MANIFEST = `[package]
name = "flags"
version = "0.1.0"
edition = "2021"

[lib]
test = false
bench = false

[[bin]]
name = "flags"
path = "src/main.rs"
test = false

[[test]]
name = "skipped"
test = false

[[test]]
name = "kept"
`

/** The rustc command lines of a verbose build, as `crate-name kind [--test]`, sorted. */
function compiled(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => /^\s+Running `\S*rustc /.test(l))
    .map((l) => {
      const name = /--crate-name (\S+)/.exec(l)?.[1]
      const type = /--crate-type (\S+)/.exec(l)?.[1] ?? 'harness'
      return `${name} ${type}${/ --test\b/.test(l) ? ' --test' : ''}${/ --cfg test\b/.test(l) ? ' cfg-test' : ''}`
    })
    .sort()
}

describe('target flag rules, as cargo', () => {
  it('select the same targets for build, test and bench', async () => {
    const p = await project()
      .file('Cargo.toml', MANIFEST)
      .file('src/lib.rs', '#[test] fn in_lib() {}\n')
      .file('src/main.rs', 'fn main() {}\n#[test] fn in_bin() {}\n')
      .file('tests/skipped.rs', '#[test] fn in_skipped() {}\n')
      .file('tests/kept.rs', '#[test] fn in_kept() {}\n')
      .file('examples/ex.rs', 'fn main() {}\n#[test] fn in_example() {}\n')
      .file('benches/b.rs', '#[test] fn in_bench() {}\n')
      .build()
    const state = await tempDir('cs-flags-state-')
    const cargoHome = join(state, 'cargo-home')
    const cases = [
      ['build', '--tests', '-v'],
      ['build', '--benches', '-v'],
      ['build', '--all-targets', '-v'],
      ['test', '--no-run', '-v'],
      ['test', '--lib'],
      ['test', '--bins'],
      ['test', '--examples'],
      ['test', '--tests'],
      ['test'],
      ['bench', '--lib'],
      ['bench', '--tests']
    ]
    for (const args of cases) {
      const n = cases.indexOf(args)
      const cargo = await runCargo(
        { cwd: p.root, targetDir: join(state, `${n}-target-cargo`), cargoHome },
        args
      )
      const ours = await runOurs({ cwd: p.root, targetDir: join(state, `${n}-target-ours`), state }, args)
      const label = args.join(' ')
      expect(ours.exitCode, `${label}\n${ours.stderr}`).toBe(cargo.exitCode)
      if (args.includes('-v')) expect(compiled(ours.stderr), label).toEqual(compiled(cargo.stderr))
      else expect(runLines(ours.stderr), label).toBe(runLines(cargo.stderr))
      expect(ours.stdout.trimEnd(), label).toBe(cargo.stdout.trimEnd())
    }
  }, 240_000)
})
