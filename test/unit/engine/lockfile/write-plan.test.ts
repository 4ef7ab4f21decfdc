/** cargo's decision to keep, refuse or write a lock, and in which format (write_pkg_lockfile). */
import { describe, expect, it } from 'vitest'
import { parseLockfile } from '../../../../src/main/engine/lockfile/parse-lockfile'
import { lockedError, planLockfileWrite } from '../../../../src/main/engine/lockfile/write-lockfile'
import { lockFixture } from './helpers/fixtures'
import { fixturePathSource, resolveFromLock } from './helpers/lock-to-resolve'

const v3 = lockFixture('registry-path-v3')
const parsed = parseLockfile(v3, 'Cargo.lock', { pathSource: fixturePathSource })
const resolve = resolveFromLock(parsed)
/** The same packages, with the direct `cfg-if` dependency of `app` gone. */
const before = v3.replace(' "cfg-if",\n "helper",', ' "helper",')

describe('planLockfileWrite', () => {
  it('writes a new lock in the default format, capped by rust-version', () => {
    expect(planLockfileWrite(resolve, undefined, {})).toEqual({
      action: 'write',
      version: 4,
      text: lockFixture('registry-path-v4')
    })
    expect(planLockfileWrite(resolve, undefined, { rustVersions: ['1.60'] })).toEqual({
      action: 'write',
      version: 3,
      text: v3
    })
  })

  it('keeps an unchanged older lock as it is', () => {
    expect(planLockfileWrite(resolve, v3, { loadedVersion: 3 })).toEqual({ action: 'unchanged', version: 3 })
  })

  it('moves a changed lock up to the default format, but not past what rust-version allows', () => {
    expect(planLockfileWrite(resolve, before, { loadedVersion: 3 })).toEqual({
      action: 'write',
      version: 4,
      text: lockFixture('registry-path-v4')
    })
    expect(planLockfileWrite(resolve, before, { loadedVersion: 3, rustVersions: ['1.60'] })).toMatchObject({
      action: 'write',
      version: 3
    })
  })

  it('refuses a change under --locked but accepts a difference in form', () => {
    expect(planLockfileWrite(resolve, before, { loadedVersion: 3, locked: '--locked' })).toEqual({
      action: 'refuse',
      version: 3
    })
    const reformatted = v3.replace('name = "helper"', "name = 'helper'")
    expect(planLockfileWrite(resolve, reformatted, { loadedVersion: 3, locked: '--frozen' })).toEqual({
      action: 'unchanged',
      version: 3
    })
  })
})

it('lockedError says what cargo says', () => {
  const update = lockedError('/ws/Cargo.lock', '--locked', true)
  expect(update.message).toBe(
    'cannot update the lock file /ws/Cargo.lock because --locked was passed to prevent this'
  )
  expect(update.details.hint).toBe(
    'to generate the lock file without accessing the network, remove the --locked flag and use --offline instead.'
  )
  expect(lockedError('/ws/Cargo.lock', '--frozen', false).message).toBe(
    'cannot create the lock file /ws/Cargo.lock because --frozen was passed to prevent this'
  )
})
