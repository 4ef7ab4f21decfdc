import { describe, expect, it } from 'vitest'
import {
  parseFingerprint,
  serializeFingerprint
} from '../../../../../src/main/engine/compiler/fingerprint/fingerprint-file'
import {
  fingerprintHash,
  normalizeArgs,
  type Fingerprint
} from '../../../../../src/main/engine/compiler/fingerprint/fingerprint'

const fp: Fingerprint = {
  inputs: {
    rustc: 'rustc 1.95.0\nhost: x86_64-unknown-linux-gnu',
    target: 'run-build-script:build-script-build',
    profile: '{"opt-level":0}',
    features: ['std', 'default'],
    rustflags: ['-Cdebug-assertions'],
    args: ['--crate-name', 'app'],
    deps: [{ name: 'cc', hash: '0123456789abcdef' }]
  },
  observed: {
    files: ['/p/src/lib.rs', '/p/my data.txt'],
    env: [
      { name: 'A', value: 'line\nbreak "quoted"' },
      { name: 'B', value: undefined }
    ],
    rerunIfChanged: ['/p/build.rs'],
    rerunIfEnvChanged: [{ name: 'CC', value: undefined }],
    startedAtNs: 1_763_760_000_123_456_789n
  }
}

describe('fingerprint serialization', () => {
  it('round-trips, keeping unset env vars, nanosecond times and (sorted) features', () => {
    const back = parseFingerprint(serializeFingerprint(fp))
    expect(back).toEqual({ ...fp, inputs: { ...fp.inputs, features: ['default', 'std'] } })
    expect(back?.observed.env[1]).toEqual({ name: 'B', value: undefined })
    expect(back?.observed.startedAtNs).toBe(1_763_760_000_123_456_789n)
  })

  it('is stable: equal fingerprints serialize to equal bytes', () => {
    const reordered = { ...fp, inputs: { ...fp.inputs, features: ['default', 'std'] } }
    expect(serializeFingerprint(reordered)).toBe(serializeFingerprint(fp))
  })

  it('hashes only the inputs, so a touched file does not change what dependents record', () => {
    const h = fingerprintHash(fp.inputs)
    expect(h).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprintHash({ ...fp.inputs, features: ['default', 'std'] })).toBe(h)
    expect(fingerprintHash({ ...fp.inputs, deps: [{ name: 'cc', hash: 'other' }] })).not.toBe(h)
    expect(fingerprintHash({ ...fp.inputs, args: ['--crate-name', 'ap', 'p'] })).not.toBe(h)
  })

  it('treats every cut-short version of the file as missing, never as fresh', () => {
    const text = serializeFingerprint(fp)
    for (let n = 0; n < text.length - 1; n++) expect(parseFingerprint(text.slice(0, n))).toBeUndefined()
  })

  it('treats an edited body, a wrong hash or another format as missing', () => {
    const text = serializeFingerprint(fp)
    expect(parseFingerprint(text.replace('/p/build.rs', '/p/other.rs'))).toBeUndefined()
    const raw = JSON.parse(text) as { check: string; body: Record<string, unknown> }
    expect(parseFingerprint(JSON.stringify({ ...raw, body: { ...raw.body, format: 2 } }))).toBeUndefined()
    expect(parseFingerprint('null')).toBeUndefined()
    expect(parseFingerprint('')).toBeUndefined()
  })

  it('writes the target folder as <target> in arguments', () => {
    expect(
      normalizeArgs(
        ['--out-dir', '/w/target/debug/deps', '-L', 'dependency=/w/target/debug/deps'],
        '/w/target'
      )
    ).toEqual(['--out-dir', '<target>/debug/deps', '-L', 'dependency=<target>/debug/deps'])
  })
})
