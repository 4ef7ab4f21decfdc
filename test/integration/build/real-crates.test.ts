/**
 * A program made of the crates people really use (clap and serde with their derive macros,
 * serde_json, regex, rand, anyhow), from Debian's crate directory: build scripts, proc-macros,
 * host and target units, a committed Cargo.lock. Our engine and the real cargo each build a copy;
 * both programs must answer the same arguments with the same output and exit code, error paths
 * included, and the lock must stay as committed.
 */
import { cp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import { OFFLINE_CONFIG, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { eventLog } from '../../helpers/events'
import { fileTempDir } from '../../helpers/temp-dir'

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'real-crates')
const CRATES = ['anyhow', 'clap', 'clap_derive', 'rand', 'regex', 'serde', 'serde_derive', 'serde_json']
const BUILD_TIMEOUT = 600_000

/** A copy of the fixture at `dir` with the offline source configuration beside it. */
async function copyFixture(dir: string): Promise<string> {
  await cp(FIXTURE, dir, { recursive: true, filter: (src) => !src.endsWith('/target') })
  await mkdir(join(dir, '.cargo'), { recursive: true })
  await writeFile(join(dir, '.cargo', 'config.toml'), OFFLINE_CONFIG)
  return dir
}

let root: string
let ours: string
let theirs: string
let ourLog: ReturnType<typeof eventLog>
let ourBuild: { success: boolean } | Error

beforeAll(async () => {
  await requireCargoAndRegistry(CRATES)
  root = await fileTempDir('cs-real-crates-')
  theirs = await copyFixture(join(root, 'theirs'))
  ours = await copyFixture(join(root, 'ours'))
  const cargo = await runCargo(['build'], theirs, join(root, 'cargo-home'))
  expect(cargo.exitCode, cargo.stderr).toBe(0)
  ourLog = eventLog()
  ourBuild = await runBuild(
    {
      manifestPath: join(ours, 'Cargo.toml'),
      profile: 'dev',
      selection: { lib: true, bins: 'all' },
      env: { PATH: process.env.PATH, CARGO_HOME: join(root, 'our-cargo-home') },
      homeDir: root,
      cacheDir: join(root, 'cache'),
      offline: true
    },
    { sink: ourLog.sink }
  ).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
}, BUILD_TIMEOUT)

/** Runs the program `dir` built, as a person would from a terminal. */
function program(dir: string, args: readonly string[]) {
  return execa(join(dir, 'target', 'debug', 'real-crates'), [...args], {
    reject: false,
    env: { NO_COLOR: '1' }
  })
}

describe('real crates: clap, serde, serde_json, regex, rand, anyhow', () => {
  it('builds with our engine, as with cargo, and leaves the committed Cargo.lock alone', async () => {
    if (ourBuild instanceof Error) throw ourBuild
    expect(ourBuild.success, ourLog.text()).toBe(true)
    const committed = await readFile(join(FIXTURE, 'Cargo.lock'), 'utf8')
    expect(await readFile(join(ours, 'Cargo.lock'), 'utf8')).toBe(committed)
    expect(await readFile(join(theirs, 'Cargo.lock'), 'utf8')).toBe(committed)
  })

  it('prints what the crates compute, the same from both builds', async () => {
    const theirRun = await program(theirs, [])
    // Pinned, so a wrong answer from both builds alike still fails.
    expect(theirRun.stdout).toBe(
      [
        'ada@example.com at 0: dice [1, 4, 2]',
        'grace@navy.mil at 25: dice [4, 6, 4]',
        '2 found, 21 pips, 366 bytes of JSON'
      ].join('\n')
    )
    const ourRun = await program(ours, [])
    expect({ stdout: ourRun.stdout, code: ourRun.exitCode }).toEqual({ stdout: theirRun.stdout, code: 0 })
  })

  it.each([
    ['JSON from the serde round trip', ['--json']],
    ['another seed, roll count and text', ['--seed', '7', '--rolls', '5', '--text', 'a@b.io and c@d.org']],
    ['clap derive reads the package version', ['--version']],
    ['clap derive reads the package description', ['--help']],
    ['an anyhow error with context, from a bad pattern', ['--pattern', '(']],
    ['an error from ensure!', ['--rolls', '0']],
    ['a pattern without the two groups', ['--pattern', '\\w+']],
    ['an argument clap refuses', ['--bogus']]
  ])('%s: same stdout, stderr and exit code', async (_what, args) => {
    const theirRun = await program(theirs, args)
    const ourRun = await program(ours, args)
    const outcome = (r: typeof ourRun) => ({ stdout: r.stdout, stderr: r.stderr, code: r.exitCode })
    expect(outcome(ourRun)).toEqual(outcome(theirRun))
  })

  it('fails the error paths as the program means to', async () => {
    expect((await program(theirs, ['--pattern', '('])).exitCode).toBe(3)
    expect((await program(theirs, ['--bogus'])).exitCode).toBe(2)
    expect((await program(theirs, ['--version'])).stdout).toBe('real-crates 0.1.0')
  })
})
