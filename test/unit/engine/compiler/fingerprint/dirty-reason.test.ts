import { describe, expect, it } from 'vitest'
import {
  describeDirtyReason,
  type DirtyReason
} from '../../../../../src/main/engine/compiler/fingerprint/dirty-reason'
import { formatFileTime, formatTimeDiff } from '../../../../../src/main/engine/compiler/fingerprint/file-time'

const S = 1_000_000_000n

describe('describeDirtyReason', () => {
  it.each<[DirtyReason, string]>([
    [{ type: 'fresh-build' }, 'no fingerprint from a finished earlier build'],
    [{ type: 'rustc-changed' }, 'the toolchain changed'],
    [{ type: 'args-changed', old: [], new: ['-g'] }, 'the rustc arguments changed'],
    [{ type: 'config-changed' }, 'the config settings changed'],
    [{ type: 'features-changed', old: ['a'], new: [] }, 'the list of features changed'],
    [{ type: 'target-changed', old: 'lib:a', new: 'bin:a' }, 'the target configuration changed'],
    [{ type: 'profile-changed' }, 'the profile configuration changed'],
    [{ type: 'rustflags-changed', old: [], new: ['-O'] }, 'the rustflags changed'],
    [{ type: 'dependency-count-changed', old: 2, new: 3 }, 'number of dependencies changed (2 => 3)'],
    [{ type: 'dependency-name-changed', old: 'a', new: 'b' }, 'name of dependency changed (a => b)'],
    [{ type: 'dependency-info-changed', name: 'a', old: '1', new: '2' }, 'dependency info changed'],
    [{ type: 'dependency-rebuilt', name: 'regex' }, 'the dependency regex was rebuilt'],
    [
      { type: 'env-changed', origin: 'dep-info', name: 'FOO', old: 'a', new: undefined },
      'the environment variable FOO changed'
    ],
    [
      { type: 'env-changed', origin: 'rerun-if-env-changed', name: 'CC', old: 'gcc', new: 'clang' },
      'the env variable CC changed'
    ],
    [
      { type: 'file-missing', origin: 'rerun-if-changed', path: '/w/app/build.txt' },
      'the file `build.txt` is missing'
    ]
  ])('words %j as cargo does', (reason, text) => {
    expect(describeDirtyReason(reason, '/w/app')).toBe(text)
  })

  it('words a changed file with its time and the gap since the last build', () => {
    const reason: DirtyReason = {
      type: 'file-changed',
      origin: 'dep-info',
      path: '/w/app/src/main.rs',
      mtimeNs: 1_700_000_065n * S + 5n,
      referenceNs: 1_700_000_000n * S + 123n
    }
    expect(describeDirtyReason(reason, '/w/app')).toBe(
      'the file `src/main.rs` has changed (1700000065.000000005s, 1m 5s after last build at 1700000000.000000123s)'
    )
    expect(describeDirtyReason(reason, '/elsewhere')).toContain('the file `/w/app/src/main.rs` has changed')
  })
})

describe('file times', () => {
  it('formats like cargo: seconds.nanoseconds, humantime gaps, nanoseconds under a second', () => {
    expect(formatFileTime(12n * S + 34n)).toBe('12.000000034s')
    expect(formatTimeDiff(0n, 5n * S)).toBe('5s')
    expect(formatTimeDiff(0n, 3_661n * S)).toBe('1h 1m 1s')
    expect(formatTimeDiff(0n, 2n * 86_400n * S)).toBe('2days')
    expect(formatTimeDiff(10n * S + 100n, 10n * S + 350n)).toBe('250ns')
  })
})
