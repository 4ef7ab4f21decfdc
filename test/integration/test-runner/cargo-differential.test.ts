/**
 * The same harnesses run by the real `cargo test` (1.95) and by runTestSequence: the status and
 * error lines cargo prints on stderr, and the harnesses' stdout, must match.
 */
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TargetKind } from '@shared/models/package'
import { statusLine } from '@shared/format/status'
import { loadPackage } from '../../../src/main/engine/manifest/read-manifest'
import type { TestRunOptions } from '../../../src/main/engine/test-runner/run-test-binaries'
import { runTestSequence } from '../../../src/main/engine/run/test-sequence'
import { harnessEnv, harnessLabel, type TestBinary } from '../../../src/main/engine/test-runner/test-binary'
import type { OperationEvent } from '@shared/models/build'
import { fileTempDir } from '../../helpers/temp-dir'
import { project } from '../../helpers/project'

const LIB = `pub fn add(a: i32, b: i32) -> i32 { a + b }
#[cfg(test)]
mod tests {
    #[test] fn adds() { assert_eq!(super::add(1, 2), 3); }
    #[test] fn bad() { println!("printed by bad"); assert!(false, "nope"); }
    #[test] #[ignore = "slow"] fn later() {}
}
`
const ENV_TEST = `#[test] fn sees_cargo_env() {
    assert_eq!(std::env::var("CARGO_MANIFEST_DIR").unwrap(), env!("CARGO_MANIFEST_DIR"));
    assert_eq!(std::env::var("CARGO_PKG_NAME").unwrap(), "demo");
    assert_eq!(std::env::var("CARGO_PKG_VERSION_MINOR").unwrap(), "1");
    assert_eq!(std::env::current_dir().unwrap(), std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
}
`
const ABORT_TEST = `#[test] fn first() {}
#[test] fn second() { std::process::abort() }
`

interface Artifact {
  readonly reason: string
  readonly executable: string | null
  readonly profile?: { readonly test: boolean }
  readonly target?: { readonly kind: readonly string[]; readonly name: string; readonly src_path: string }
}

/** cargo's harness order: by target kind (lib, bin, test, bench, example), then name. */
const KIND_ORDER: readonly TargetKind[] = ['lib', 'bin', 'test', 'bench', 'example']

let root: string
let cargoHome: string
let binaries: TestBinary[]

function cargo(args: readonly string[]) {
  return execa('cargo', ['--offline', ...args], {
    cwd: root,
    reject: false,
    env: {
      CARGO_HOME: cargoHome,
      CARGO_TERM_COLOR: 'never',
      RUST_BACKTRACE: '0',
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/root', '.rustup')
    }
  })
}

beforeAll(async () => {
  cargoHome = await fileTempDir('cs-cargo-home-')
  const p = await project()
    .manifest('demo', '[lib]\ndoctest = false\n')
    .file('src/lib.rs', LIB)
    .file('tests/env.rs', ENV_TEST)
    .file('tests/it.rs', ABORT_TEST)
    .build(await fileTempDir('cs-cargo-diff-'))
  root = p.root
  const built = await cargo(['test', '--no-run', '--message-format=json'])
  expect(built.exitCode, built.stderr).toBe(0)
  const manifest = (await loadPackage(p.manifest)).manifest
  const artifacts = built.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Artifact)
    .filter((a) => a.reason === 'compiler-artifact' && a.profile?.test && a.executable && a.target)
  binaries = artifacts
    .map((a) => {
      const kind = a.target!.kind[0] as TargetKind
      const executable = a.executable!
      const suite = harnessLabel({
        kind,
        srcPath: a.target!.src_path,
        packageRoot: root,
        executable,
        cwd: root
      })
      const env = harnessEnv(manifest, { ...process.env, RUST_BACKTRACE: '0' }, [
        join(root, 'target/debug'),
        join(root, 'target/debug/deps')
      ])
      return { suite, executable, cwd: root, env, target: { kind, name: a.target!.name } }
    })
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.target.kind) - KIND_ORDER.indexOf(b.target.kind) ||
        a.target.name.localeCompare(b.target.name)
    )
})

/** Thread ids and timings differ from run to run. */
function normalize(text: string): string {
  return text
    .replace(/^(thread '.*') \(\d+\) panicked/gm, '$1 panicked')
    .replace(/finished in \d+\.\d+s/g, 'finished in Xs')
}

/** Our events as cargo's terminal shows them: stderr (status and error lines) and stdout. */
async function ours(options: TestRunOptions) {
  const events: OperationEvent[] = []
  const result = await runTestSequence(binaries, [], options, { sink: (e) => events.push(e) })
  const stderr = events
    .map((e) => {
      if (e.type === 'status') return `${statusLine(e.verb, e.detail)}\n`
      if (e.type === 'message') return `${e.level}: ${e.text}\n`
      return ''
    })
    .join('')
  const stdout = events.map((e) => (e.type === 'output' && e.stream === 'stdout' ? e.text : '')).join('')
  return { result, stderr, stdout: normalize(stdout) }
}

/** cargo's stderr without the build's own lines. */
function cargoRunLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^\s+(Compiling|Finished|Blocking|Locking)\b/.test(l))
    .join('\n')
}

describe('test runs compared with cargo test', () => {
  it('matches cargo with --no-fail-fast: Running lines, errors, the summary, and stdout', async () => {
    const real = await cargo(['test', '--no-fail-fast', '--', '--test-threads=1'])
    const mine = await ours({ args: ['--test-threads=1'], noFailFast: true })
    expect(mine.stderr).toBe(`${cargoRunLines(real.stderr)}\n`)
    expect(mine.stdout).toBe(normalize(real.stdout))
    expect(mine.result.exitCode).toBe(real.exitCode)
    // The env harness passed under both: the CARGO_* variables and the working directory match.
    expect(mine.result.suites.map((s) => [s.binary.target.name, s.success])).toEqual([
      ['demo', false],
      ['env', true],
      ['it', false]
    ])
  })

  it('matches cargo when failing fast', async () => {
    const real = await cargo(['test'])
    const mine = await ours({ args: [] })
    expect(mine.stderr).toBe(`${cargoRunLines(real.stderr)}\n`)
    expect(mine.result.exitCode).toBe(real.exitCode)
  })

  it('matches cargo for an abnormal exit with arguments to escape', async () => {
    const args = ['--test-threads=1', 'sec ond', "it's"]
    const real = await cargo(['test', '--test', 'it', '--', ...args])
    const it = binaries.find((b) => b.target.name === 'it')!
    const events: OperationEvent[] = []
    await runTestSequence([it], [], { args }, { sink: (e) => events.push(e) })
    const messages = events.flatMap((e) => (e.type === 'message' ? [`${e.level}: ${e.text}`] : []))
    expect(messages.join('\n')).toBe(
      cargoRunLines(real.stderr)
        .split('\n')
        .filter((l) => !l.includes('Running '))
        .join('\n')
        .trimEnd()
    )
  })
})
