/** When cargo 1.95 leaves a lock file alone (each case checked against it, see the integration tests). */
import { describe, expect, it } from 'vitest'
import { lockfileChanged } from '../../../../src/main/engine/lockfile/lockfile-changed'
import { lockFixture } from './helpers/fixtures'

const lock = lockFixture('registry-path-v4')

describe('lockfileChanged', () => {
  it('ignores CRLF line endings and a missing final newline', () => {
    expect(lockfileChanged(lock, lock)).toBe(false)
    expect(lockfileChanged(lock.replaceAll('\n', '\r\n'), lock)).toBe(false)
    expect(lockfileChanged(lock.slice(0, -1), lock)).toBe(false)
  })

  it('counts any other difference in form', () => {
    expect(lockfileChanged(`${lock}\n`, lock)).toBe(true)
    expect(lockfileChanged(lock.replace('[[package]]', '\n[[package]]'), lock)).toBe(true)
    expect(lockfileChanged(lock.replace('name = "helper"', 'name = "helper"  '), lock)).toBe(true)
    expect(lockfileChanged(lock.replace('name = "helper"', "name = 'helper'"), lock)).toBe(true)
  })

  it('under --locked compares what the files lock, not how they are written', () => {
    const quoted = lock.replace('name = "helper"', "name = 'helper'")
    expect(lockfileChanged(quoted, lock, { locked: true })).toBe(false)
    const tables = lock.split('\n\n')
    const reordered = [tables[0], ...tables.slice(1).reverse()].join('\n\n')
    expect(lockfileChanged(reordered, lock, { locked: true })).toBe(false)
    expect(
      lockfileChanged(lock.replace(/checksum = "1aab[0-9a-f]*"/, 'checksum = "00"'), lock, { locked: true })
    ).toBe(true)
    expect(
      lockfileChanged(lock.replace(' "cfg-if",\n "helper",', ' "helper",'), lock, { locked: true })
    ).toBe(true)
  })

  it('falls back to comparing lines when the old file does not read', () => {
    expect(lockfileChanged('not toml [', lock, { locked: true })).toBe(true)
  })
})
