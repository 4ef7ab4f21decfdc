import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { compareFingerprints, statMtimeNs } from '../../../src/main/engine/compiler/fingerprint/compare'
import { parseDepInfo } from '../../../src/main/engine/compiler/fingerprint/dep-info'
import { describeDirtyReason } from '../../../src/main/engine/compiler/fingerprint/dirty-reason'
import type {
  Fingerprint,
  FingerprintInputs
} from '../../../src/main/engine/compiler/fingerprint/fingerprint'
import {
  invalidateFingerprint,
  readFingerprint,
  serializeFingerprint,
  writeFingerprint
} from '../../../src/main/engine/compiler/fingerprint/fingerprint-file'
import { findRustc } from '../../../src/main/engine/tools/rustc'
import { tempDir } from '../../helpers/temp-dir'

const LIB_RS = `
pub const DATA: &str = include_str!("my data.txt");
pub const SET: &str = env!("CS_FP_SET");
pub const UNSET: Option<&str> = option_env!("CS_FP_UNSET");
pub mod m;
`

const inputs: FingerprintInputs = {
  rustc: 'rustc (test)',
  target: 'lib:probe',
  profile: 'dev',
  features: [],
  rustflags: [],
  args: ['--crate-type', 'lib', '--crate-name', 'probe', '--emit=dep-info,metadata', 'lib.rs'],
  deps: []
}

/** Compiles the probe crate with real rustc and returns its dep-info and the env it ran with. */
async function compileProbe(dir: string) {
  await writeFile(join(dir, 'lib.rs'), LIB_RS)
  await writeFile(join(dir, 'm.rs'), 'pub fn f() {}\n')
  await writeFile(join(dir, 'my data.txt'), 'hello')
  // Sources older than the build start without relying on how coarse the clock is.
  const startedAtNs = BigInt(Date.now()) * 1_000_000n
  const past = new Date(Date.now() - 60_000)
  for (const f of ['lib.rs', 'm.rs', 'my data.txt']) await utimes(join(dir, f), past, past)
  const env: Record<string, string | undefined> = { ...process.env, CS_FP_SET: 'va lue' }
  delete env.CS_FP_UNSET
  const rustc = await findRustc()
  const out = await execa(rustc, [...inputs.args, '--edition=2021'], {
    cwd: dir,
    env,
    extendEnv: false,
    reject: false
  })
  expect(out.stderr).toBe('')
  expect(out.exitCode).toBe(0)
  const depFile = join(dir, 'probe.d')
  return { info: parseDepInfo(await readFile(depFile, 'utf8'), depFile), env, startedAtNs }
}

describe('freshness on the real file system', () => {
  it('parses real rustc dep-info, stores the fingerprint, and notices edits and deletions', async () => {
    const dir = await tempDir()
    const { info, env, startedAtNs } = await compileProbe(dir)
    expect(info.files).toEqual(['lib.rs', 'm.rs', 'my data.txt'])
    expect([...info.env]).toEqual([
      ['CS_FP_SET', 'va lue'],
      ['CS_FP_UNSET', undefined]
    ])

    const fp: Fingerprint = {
      inputs,
      observed: {
        files: info.files.map((f) => join(dir, f)),
        env: [...info.env].map(([name, value]) => ({ name, value })),
        rerunIfChanged: [],
        rerunIfEnvChanged: [],
        startedAtNs
      }
    }
    const fpFile = join(dir, '.fingerprint', 'probe', 'lib-probe.json')
    await writeFingerprint(fpFile, fp)
    const stored = readFingerprint(fpFile)
    expect(stored).toEqual(fp)

    const probe = { mtimeNs: statMtimeNs, env: (n: string) => env[n], rebuilt: () => false }
    expect(await compareFingerprints(stored, inputs, probe)).toBeUndefined()

    const later = new Date(Date.now() + 60_000)
    await utimes(join(dir, 'my data.txt'), later, later)
    const changed = await compareFingerprints(stored, inputs, probe)
    expect(changed).toMatchObject({
      type: 'file-changed',
      origin: 'dep-info',
      path: join(dir, 'my data.txt')
    })
    expect(describeDirtyReason(changed!, dir)).toMatch(
      /^the file `my data\.txt` has changed \(\d+\.\d{9}s, [\dms ]+ after last build at \d+\.\d{9}s\)$/
    )

    await rm(join(dir, 'm.rs'))
    expect(await compareFingerprints(stored, inputs, probe)).toEqual({
      type: 'file-missing',
      origin: 'dep-info',
      path: join(dir, 'm.rs')
    })
  })

  it('never trusts a fingerprint that a killed build left behind', async () => {
    const dir = await tempDir()
    const fpFile = join(dir, 'lib-probe.json')
    const fp: Fingerprint = {
      inputs,
      observed: { files: [], env: [], rerunIfChanged: [], rerunIfEnvChanged: [], startedAtNs: 1n }
    }
    const probe = { mtimeNs: statMtimeNs, env: () => undefined, rebuilt: () => false }
    expect(readFingerprint(fpFile)).toBeUndefined()

    // A write cut short (as by a crash of a non-atomic writer) reads as missing: dirty.
    const text = serializeFingerprint(fp)
    await writeFile(fpFile, text.slice(0, Math.floor(text.length / 2)))
    const half = readFingerprint(fpFile)
    expect(half).toBeUndefined()
    expect(await compareFingerprints(half, inputs, probe)).toEqual({ type: 'fresh-build' })

    // A complete fingerprint is trusted, until the unit starts rebuilding.
    await writeFingerprint(fpFile, fp)
    expect(await compareFingerprints(readFingerprint(fpFile), inputs, probe)).toBeUndefined()
    await invalidateFingerprint(fpFile)
    expect(readFingerprint(fpFile)).toBeUndefined()
    await invalidateFingerprint(fpFile) // already gone: no error
    expect(await readdir(dir)).toEqual([])
  })
})
