/**
 * `build -v` as cargo prints it: a ``Running `…` `` line for every process started (rustc for
 * each crate and for the build script, then the script itself), and on a no-op one `Fresh`
 * line per package instead. Compared with cargo's own -v output for the same package.
 */
import { cp } from 'node:fs/promises'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cargo-offline'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'
import { splitCommand } from '../profile/cargo-verbose'

/** Each Running line as `crate-name:crate-type`, or `script` for a build script's own run. */
function runs(stderr: string): string[] {
  return [...stderr.matchAll(/^ {5}Running `(.*)`$/gm)]
    .map((m) => {
      const words = splitCommand(m[1]!)
      const at = (flag: string) => words[words.indexOf(flag) + 1]
      return words[0]!.endsWith('build-script-build')
        ? 'script'
        : `${at('--crate-name')}:${at('--crate-type')}`
    })
    .sort()
}

const freshLines = (stderr: string, root: string) =>
  [...stderr.matchAll(/^ {7}Fresh (.*)$/gm)].map((m) => m[1]!.replace(root, '<root>'))

describe('build -v', () => {
  it('shows each command it runs, and the fresh packages of a no-op, as cargo does', async () => {
    const p = await project('loud')
      .manifest('loud')
      .file('build.rs', 'fn main() { println!("cargo::rerun-if-changed=build.rs"); }\n')
      .file('src/lib.rs', 'pub fn hi() -> u8 { 1 }\n')
      .file('src/main.rs', 'fn main() { println!("{}", loud::hi()); }\n')
      .build()
    const twin = await tempDir()
    await cp(p.root, twin, { recursive: true })
    const cargo = (args: string[]) =>
      execa('cargo', args, { cwd: twin, reject: false, env: { CARGO_TERM_COLOR: 'never' } })

    const ours = await runCli(['build', '-v'], p.root)
    const theirs = await cargo(['build', '-v'])
    expect(ours.exitCode, ours.stderr).toBe(0)
    expect(theirs.exitCode, theirs.stderr).toBe(0)
    expect(runs(ours.stderr)).toEqual(['build_script_build:bin', 'loud:bin', 'loud:lib', 'script'])
    expect(runs(ours.stderr)).toEqual(runs(theirs.stderr))

    const quiet = await runCli(['build'], p.root)
    expect(quiet.stderr).not.toMatch(/Running|Fresh/)

    const again = await runCli(['build', '-v'], p.root)
    const cargoAgain = await cargo(['build', '-v'])
    expect(runs(again.stderr)).toEqual([])
    expect(freshLines(again.stderr, p.root)).toEqual(['loud v0.1.0 (<root>)'])
    expect(freshLines(again.stderr, p.root)).toEqual(freshLines(cargoAgain.stderr, twin))
  })
})
