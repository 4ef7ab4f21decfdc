/**
 * `[target.<triple>]` and `[target.'cfg(…)']` `linker` and `runner` (and their
 * `CARGO_TARGET_<TRIPLE>_*` forms) side by side with cargo 1.95: rustc gets `-C linker=` for
 * every unit, `run`/`test`/`bench` start programs through the runner, rustdoc gets it as
 * `--test-runtool`, and two matching cfg runners are an error. Wrapper scripts record their argv.
 */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requireCargoAndRegistry } from '../../helpers/cargo-offline'
import { normalizeRun, runCargo, runLines, runOurs } from '../../helpers/side-by-side'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { writeFiles } from '../tree/fixtures'

let cargoHome: string

beforeAll(async () => {
  await requireCargoAndRegistry([])
  cargoHome = await fileTempDir('cs-runner-home-')
})

const PACKAGE = {
  'Cargo.toml': '[package]\nname = "p"\nversion = "0.1.0"\nedition = "2021"\n',
  'build.rs': 'fn main() {}\n',
  'src/lib.rs':
    '/// ```\n/// assert_eq!(p::two(), 2);\n/// ```\npub fn two() -> i32 { 2 }\n\n#[cfg(test)]\nmod t {\n    #[test]\n    fn ok() { assert_eq!(super::two(), 2); }\n}\n',
  'src/bin/app.rs': 'fn main() { println!("args: {:?}", std::env::args().skip(1).collect::<Vec<_>>()); }\n',
  // Named so rustc keeps its gcc flavour (a stem of `link` would mean MSVC's linker).
  'tools/wrapcc': '#!/bin/sh\necho "link $*" >> "$(dirname "$0")/../link.log"\nexec cc "$@"\n',
  'tools/run.sh':
    '#!/bin/sh\necho "run $*" >> "$(dirname "$0")/../run.log"\nif [ "$1" = "--flag" ]; then shift; fi\nexec "$@"\n'
}

async function packageWith(config: string): Promise<string> {
  const dir = await tempDir()
  await writeFiles(dir, { ...PACKAGE, '.cargo/config.toml': config })
  await chmod(join(dir, 'tools/wrapcc'), 0o755)
  await chmod(join(dir, 'tools/run.sh'), 0o755)
  return dir
}

/** Both tools' logs, with what differs between the two sides normalised; the logs are then cleared. */
async function takeLog(dir: string, name: string): Promise<string[]> {
  const text = await readFile(join(dir, name), 'utf8').catch(() => '')
  await rm(join(dir, name), { force: true })
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => normalizeRun(l).replace(/\/tmp\/rustdoctest\w+/g, '/tmp/rustdoctestX'))
}

type Run = { exitCode?: number; stdout: string; stderr: string }

async function bothSides(dir: string, args: string[], env: Record<string, string> = {}) {
  const cargo: Run = await runCargo({ cwd: dir, targetDir: join(dir, 'target-cargo'), cargoHome, env }, args)
  const cargoRuns = await takeLog(dir, 'run.log')
  const cargoLinks = await takeLog(dir, 'link.log')
  const state = await fileTempDir('cs-runner-state-')
  const ours: Run = await runOurs({ cwd: dir, targetDir: join(dir, 'target-ours'), state, env }, args)
  const ourRuns = await takeLog(dir, 'run.log')
  const ourLinks = await takeLog(dir, 'link.log')
  return { cargo, ours, cargoRuns, ourRuns, cargoLinks, ourLinks }
}

/** `--crate-name NAME … -C linker=PATH` for each rustc line of `build -v`. */
function linkerFlags(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => /Running `\S*rustc /.test(l))
    .map((l) => `${/--crate-name (\S+)/.exec(l)?.[1]} ${/-C linker=(\S+)/.exec(l)?.[1] ?? '-'}`)
    .sort()
}

describe('target linker', () => {
  it('reaches every unit as -C linker= and links through the wrapper, as cargo does', async () => {
    const dir = await packageWith('[target.x86_64-unknown-linux-gnu]\nlinker = "tools/wrapcc"\n')
    const r = await bothSides(dir, ['build', '-v'])
    expect(r.cargo.exitCode, r.cargo.stderr).toBe(0)
    expect(r.ours.exitCode, r.ours.stderr).toBe(0)
    const wrapcc = join(dir, 'tools/wrapcc')
    expect(linkerFlags(r.ours.stderr)).toEqual(linkerFlags(r.cargo.stderr))
    expect(linkerFlags(r.ours.stderr)).toEqual([
      `app ${wrapcc}`,
      `build_script_build ${wrapcc}`,
      `p ${wrapcc}`
    ])
    // The build script and the program are linked, on both sides.
    expect(r.ourLinks.length).toBe(2)
    expect(r.cargoLinks.length).toBe(2)
  })

  it('still reaches the build script when the build names the host triple as its target', async () => {
    const dir = await packageWith(`[target.'cfg(target_os = "linux")']\nlinker = "tools/wrapcc"\n`)
    const r = await bothSides(dir, ['build', '-v', '--target', 'x86_64-unknown-linux-gnu'])
    expect(r.cargo.exitCode, r.cargo.stderr).toBe(0)
    expect(r.ours.exitCode, r.ours.stderr).toBe(0)
    expect(linkerFlags(r.ours.stderr)).toEqual(linkerFlags(r.cargo.stderr))
    expect(linkerFlags(r.ours.stderr)).toContain(`build_script_build ${join(dir, 'tools/wrapcc')}`)
  })

  it('takes a bare name from CARGO_TARGET_<TRIPLE>_LINKER and finds it on PATH', async () => {
    const dir = await packageWith('')
    const env = {
      CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER: 'wrapcc',
      PATH: `${join(dir, 'tools')}:${process.env.PATH ?? ''}`
    }
    const r = await bothSides(dir, ['build', '-v'], env)
    expect(r.ours.exitCode, r.ours.stderr).toBe(0)
    expect(linkerFlags(r.ours.stderr)).toEqual(linkerFlags(r.cargo.stderr))
    expect(linkerFlags(r.ours.stderr)).toContain('app wrapcc')
    expect(r.ourLinks.length).toBe(r.cargoLinks.length)
  })
})

describe('a changed linker', () => {
  it('rebuilds what links or compiles with it, saying the config settings changed, as cargo does', async () => {
    const dir = await packageWith('')
    const first = await bothSides(dir, ['build'])
    expect([first.cargo.exitCode, first.ours.exitCode]).toEqual([0, 0])
    await writeFile(
      join(dir, '.cargo/config.toml'),
      '[target.x86_64-unknown-linux-gnu]\nlinker = "tools/wrapcc"\n'
    )
    const r = await bothSides(dir, ['build', '-v'])
    const dirty = (stderr: string) =>
      normalizeRun(stderr)
        .split('\n')
        .filter((l) => /^\s+Dirty /.test(l))
        .sort()
    expect(dirty(r.ours.stderr)).toEqual(dirty(r.cargo.stderr))
    expect(dirty(r.cargo.stderr)).toContain(`       Dirty p v0.1.0 (${dir}): the config settings changed`)
  })
})

describe('target runner', () => {
  it('starts `run` through a cfg table runner, shown in the Running line', async () => {
    const dir = await packageWith(`[target.'cfg(unix)']\nrunner = ["tools/run.sh", "--flag"]\n`)
    const r = await bothSides(dir, ['run', '--', 'a', 'b'])
    expect(r.cargo.exitCode, r.cargo.stderr).toBe(0)
    expect(r.ours.exitCode, r.ours.stderr).toBe(0)
    expect(normalizeRun(r.ours.stdout)).toBe(normalizeRun(r.cargo.stdout))
    expect(runLines(r.ours.stderr)).toBe(runLines(r.cargo.stderr))
    expect(r.ours.stderr).toContain(
      `Running \`${join(dir, 'tools/run.sh')} --flag target-ours/debug/app a b\``
    )
    expect(r.ourRuns).toEqual(r.cargoRuns)
    expect(r.ourRuns).toEqual(['run --flag target/debug/app a b'])
  })

  it('runs test harnesses and doc tests through the runner from the environment', async () => {
    const dir = await packageWith('')
    const env = { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER: 'tools/run.sh --flag' }
    const r = await bothSides(dir, ['test'], env)
    expect(r.cargo.exitCode, r.cargo.stderr).toBe(0)
    expect(r.ours.exitCode, r.ours.stderr).toBe(0)
    expect(normalizeRun(r.ours.stdout)).toBe(normalizeRun(r.cargo.stdout))
    expect(r.ourRuns).toEqual(r.cargoRuns)
    expect(r.ourRuns).toEqual([
      `run --flag ${dir}/target/debug/deps/p-HASH`,
      `run --flag ${dir}/target/debug/deps/app-HASH`,
      'run --flag /tmp/rustdoctestX/rust_out'
    ])
  })

  it('names the runner in the failure of a harness it could not start', async () => {
    const dir = await packageWith('[target.x86_64-unknown-linux-gnu]\nrunner = "tools/run.sh --other"\n')
    const r = await bothSides(dir, ['test', '--lib'])
    expect(r.cargo.exitCode).toBe(127)
    expect(r.ours.exitCode).toBe(r.cargo.exitCode)
    expect(runLines(r.ours.stderr)).toBe(runLines(r.cargo.stderr))
    expect(r.ours.stderr).toContain(
      `process didn't exit successfully: \`${join(dir, 'tools/run.sh')} --other`
    )
  })

  it('refuses two matching cfg runners, naming both', async () => {
    const dir = await packageWith(
      `[target.'cfg(unix)']\nrunner = "tools/run.sh"\n\n[target.'cfg(target_os = "linux")']\nrunner = "tools/run.sh"\n`
    )
    const r = await bothSides(dir, ['build'])
    expect(r.cargo.exitCode).toBe(101)
    expect(r.ours.exitCode).toBe(101)
    const message = [
      "several matching instances of `target.'cfg(..)'.runner` in configurations",
      `first match \`cfg(target_os = "linux")\` located in ${join(dir, '.cargo/config.toml')}`,
      `second match \`cfg(unix)\` located in ${join(dir, '.cargo/config.toml')}`
    ].join('\n')
    expect(r.cargo.stderr).toContain(message)
    expect(r.ours.stderr).toContain(message)
  })
})
