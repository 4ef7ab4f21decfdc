import { describe, expect, it } from 'vitest'
import {
  compareFingerprints,
  type FreshnessProbe
} from '../../../../../src/main/engine/compiler/fingerprint/compare'
import type {
  Fingerprint,
  FingerprintInputs
} from '../../../../../src/main/engine/compiler/fingerprint/fingerprint'

const S = 1_000_000_000n
const BUILD_START = 1_000n * S

const inputs: FingerprintInputs = {
  rustc: 'rustc 1.95.0 (59807616e 2026-04-14)\nhost: x86_64-unknown-linux-gnu',
  target: 'lib:app',
  profile: '{"opt-level":0,"debuginfo":2}',
  features: ['default', 'std'],
  rustflags: [],
  args: ['--crate-name', 'app', '--edition=2021', 'src/lib.rs', '--out-dir', '<target>/debug/deps'],
  deps: [
    { name: 'regex', hash: 'aaaa' },
    { name: 'serde', hash: 'bbbb' }
  ]
}

const stored: Fingerprint = {
  inputs,
  observed: {
    files: ['/p/src/lib.rs', '/p/data.txt'],
    env: [
      { name: 'APP_NAME', value: 'demo' },
      { name: 'APP_UNSET', value: undefined }
    ],
    rerunIfChanged: ['/p/build-input.txt'],
    rerunIfEnvChanged: [{ name: 'CC', value: 'gcc' }],
    startedAtNs: BUILD_START
  }
}

/** A world where nothing changed since the build started; `edit` changes one thing. */
function world(
  edit: {
    mtimes?: Record<string, bigint | undefined>
    env?: Record<string, string | undefined>
    rebuilt?: string[]
  } = {}
): FreshnessProbe {
  const mtimes: Record<string, bigint | undefined> = {
    '/p/src/lib.rs': BUILD_START - 5n * S,
    '/p/data.txt': BUILD_START - S,
    '/p/build-input.txt': BUILD_START,
    ...edit.mtimes
  }
  const env: Record<string, string | undefined> = { APP_NAME: 'demo', CC: 'gcc', ...edit.env }
  return {
    mtimeNs: (path) => Promise.resolve(mtimes[path]),
    env: (name) => env[name],
    rebuilt: (dep) => edit.rebuilt?.includes(dep.name) ?? false
  }
}

describe('compareFingerprints', () => {
  it('finds an unchanged unit fresh, with feature order and equal mtimes not counting', async () => {
    const next = { ...inputs, features: ['std', 'default'] }
    expect(await compareFingerprints(stored, next, world())).toBeUndefined()
  })

  it('treats a missing fingerprint as a fresh build', async () => {
    expect(await compareFingerprints(undefined, inputs, world())).toEqual({ type: 'fresh-build' })
  })

  it.each([
    ['rustc', { rustc: 'rustc 1.96.0' }, { type: 'rustc-changed' }],
    ['features', { features: ['std'] }, { type: 'features-changed', old: ['default', 'std'], new: ['std'] }],
    ['target', { target: 'bin:app' }, { type: 'target-changed', old: 'lib:app', new: 'bin:app' }],
    ['profile', { profile: '{"opt-level":3}' }, { type: 'profile-changed' }],
    [
      'rustflags',
      { rustflags: ['-Ctarget-cpu=native'] },
      { type: 'rustflags-changed', old: [], new: ['-Ctarget-cpu=native'] }
    ],
    [
      'args',
      { args: [...inputs.args, '--cfg', 'x'] },
      { type: 'args-changed', old: inputs.args, new: [...inputs.args, '--cfg', 'x'] }
    ],
    ['linker alone (config)', { args: [...inputs.args, '-C', 'linker=/opt/cc'] }, { type: 'config-changed' }],
    [
      'dependency count',
      { deps: inputs.deps.slice(0, 1) },
      { type: 'dependency-count-changed', old: 2, new: 1 }
    ],
    [
      'dependency name',
      { deps: [inputs.deps[0]!, { name: 'serde_json', hash: 'bbbb' }] },
      { type: 'dependency-name-changed', old: 'serde', new: 'serde_json' }
    ],
    [
      'dependency hash',
      { deps: [{ name: 'regex', hash: 'cccc' }, inputs.deps[1]!] },
      { type: 'dependency-info-changed', name: 'regex', old: 'aaaa', new: 'cccc' }
    ]
  ])('reports a changed %s', async (_what, change, reason) => {
    expect(await compareFingerprints(stored, { ...inputs, ...change }, world())).toEqual(reason)
  })

  it('reports a dependency rebuilt in this build', async () => {
    expect(await compareFingerprints(stored, inputs, world({ rebuilt: ['serde'] }))).toEqual({
      type: 'dependency-rebuilt',
      name: 'serde'
    })
  })

  it('reports an env var read by env! that changed, or that option_env! now finds set', async () => {
    expect(await compareFingerprints(stored, inputs, world({ env: { APP_NAME: 'other' } }))).toEqual({
      type: 'env-changed',
      origin: 'dep-info',
      name: 'APP_NAME',
      old: 'demo',
      new: 'other'
    })
    expect(await compareFingerprints(stored, inputs, world({ env: { APP_UNSET: '1' } }))).toMatchObject({
      name: 'APP_UNSET',
      old: undefined,
      new: '1'
    })
  })

  it('reports a source file newer than the start of the last build', async () => {
    const probe = world({ mtimes: { '/p/data.txt': BUILD_START + 1n } })
    expect(await compareFingerprints(stored, inputs, probe)).toEqual({
      type: 'file-changed',
      origin: 'dep-info',
      path: '/p/data.txt',
      mtimeNs: BUILD_START + 1n,
      referenceNs: BUILD_START
    })
  })

  it('reports a source file that is gone', async () => {
    const probe = world({ mtimes: { '/p/src/lib.rs': undefined } })
    expect(await compareFingerprints(stored, inputs, probe)).toEqual({
      type: 'file-missing',
      origin: 'dep-info',
      path: '/p/src/lib.rs'
    })
  })

  it("follows a build script's rerun-if-env-changed and rerun-if-changed rules", async () => {
    expect(await compareFingerprints(stored, inputs, world({ env: { CC: 'clang' } }))).toEqual({
      type: 'env-changed',
      origin: 'rerun-if-env-changed',
      name: 'CC',
      old: 'gcc',
      new: 'clang'
    })
    const touched = world({ mtimes: { '/p/build-input.txt': BUILD_START + 3n * S } })
    expect(await compareFingerprints(stored, inputs, touched)).toMatchObject({
      type: 'file-changed',
      origin: 'rerun-if-changed',
      path: '/p/build-input.txt'
    })
    const removed = world({ mtimes: { '/p/build-input.txt': undefined } })
    expect(await compareFingerprints(stored, inputs, removed)).toEqual({
      type: 'file-missing',
      origin: 'rerun-if-changed',
      path: '/p/build-input.txt'
    })
  })

  it('names the input change first when several things changed', async () => {
    const probe = world({ mtimes: { '/p/src/lib.rs': BUILD_START + S }, rebuilt: ['regex'] })
    expect(await compareFingerprints(stored, { ...inputs, rustc: 'other' }, probe)).toEqual({
      type: 'rustc-changed'
    })
    expect(await compareFingerprints(stored, inputs, probe)).toEqual({
      type: 'dependency-rebuilt',
      name: 'regex'
    })
  })
})
