/** Which format cargo 1.95 writes (thresholds found by running it with each rust-version). */
import { describe, expect, it } from 'vitest'
import { defaultLockVersion, lockVersionForWrite } from '../../../../src/main/engine/lockfile/lock-version'

describe('defaultLockVersion', () => {
  it.each([
    [[], 4],
    [[undefined], 4],
    [['1.40'], 1],
    [['1.41'], 2],
    [['1.52.1'], 2],
    [['1.53'], 3],
    [['1.82.9'], 3],
    [['1.83'], 4],
    [['1.83.0'], 4],
    [['2.0'], 4],
    [['1.90', '1.60', undefined], 3]
  ] as const)('%j → %i', (versions, expected) => {
    expect(defaultLockVersion(versions)).toBe(expected)
  })
})

describe('lockVersionForWrite', () => {
  it('moves an older format up to the default, never down, and starts new locks at the default', () => {
    expect(lockVersionForWrite(3)).toBe(4)
    expect(lockVersionForWrite(1, ['1.45'])).toBe(2)
    expect(lockVersionForWrite(3, ['1.40'])).toBe(3)
    expect(lockVersionForWrite(4, ['1.40'])).toBe(4)
    expect(lockVersionForWrite(undefined, ['1.60'])).toBe(3)
  })
})
