/** What a git panel row says about its source, and which actions it offers. */
import { describe, expect, it } from 'vitest'
import type { GitDependency, GitUpstreamCheck } from '../../../../src/shared/models/git-dependencies'
import {
  canPin,
  canUpdate,
  referenceText,
  requestName,
  upstreamText
} from '../../../../src/renderer/src/features/dependency-tree/model/git-panel-status'

const LOCKED = 'a'.repeat(40)
const LATEST = 'b'.repeat(40)

const dep = (over: Partial<GitDependency> = {}): GitDependency => ({
  source: 'git+https://example.com/r.git?branch=main',
  url: 'https://example.com/r.git',
  reference: { type: 'branch', value: 'main' },
  lockedCommit: LOCKED,
  packages: [{ name: 'r', version: '0.1.0' }],
  declaredAs: ['r'],
  ...over
})

const checked = (ahead: number, rewritten = false, lockedCommit = LOCKED): GitUpstreamCheck => ({
  source: dep().source,
  lockedCommit,
  status: { state: 'checked', latest: LATEST, ahead, rewritten }
})

describe('a git panel row', () => {
  it('names the reference as it is written, and abbreviates a commit rev', () => {
    expect(referenceText(dep())).toBe('branch main')
    expect(referenceText(dep({ reference: { type: 'tag', value: 'v1.0.0' } }))).toBe('tag v1.0.0')
    expect(referenceText(dep({ reference: { type: 'rev', value: LATEST } }))).toBe('rev bbbbbbbb')
    expect(referenceText(dep({ reference: { type: 'rev', value: 'refs/pull/1/head' } }))).toBe(
      'rev refs/pull/1/head'
    )
    const { reference: _, ...noRef } = dep()
    expect(referenceText(noRef)).toBe('default branch')
  })

  it('counts newer commits, and says up to date at zero', () => {
    expect(upstreamText(dep(), checked(0), false)).toEqual({ text: 'Up to date', tone: 'ok' })
    expect(upstreamText(dep(), checked(1), false)).toMatchObject({ text: '1 newer commit', tone: 'behind' })
    expect(upstreamText(dep(), checked(3), false)).toMatchObject({ text: '3 newer commits', tone: 'behind' })
  })

  it('warns when upstream no longer contains the locked commit', () => {
    expect(upstreamText(dep(), checked(2, true), false)).toEqual({
      text: 'Upstream history rewritten',
      tone: 'warn',
      detail: 'The branch main is now at bbbbbbbb, which does not contain the locked commit.'
    })
  })

  it('ignores a check made against another locked commit (before an update)', () => {
    const stale = checked(1, false, 'c'.repeat(40))
    expect(upstreamText(dep(), stale, true)).toEqual({ text: 'Checking…', tone: 'muted' })
    expect(upstreamText(dep(), stale, false)).toEqual({ text: 'Not checked', tone: 'muted' })
    expect(upstreamText(dep(), undefined, true)).toEqual({ text: 'Checking…', tone: 'muted' })
  })

  it('shows a failed check with its message', () => {
    const failed: GitUpstreamCheck = {
      source: dep().source,
      lockedCommit: LOCKED,
      status: { state: 'failed', error: { code: 'io', message: 'could not read from remote' } }
    }
    expect(upstreamText(dep(), failed, false)).toEqual({
      text: 'Could not check',
      tone: 'error',
      detail: 'could not read from remote'
    })
  })

  it('offers Update for a branch, tag or default branch and Pin only for a declared one', () => {
    const rev = dep({ reference: { type: 'rev', value: LOCKED } })
    expect([canUpdate(dep()), canPin(dep())]).toEqual([true, true])
    expect([canUpdate(rev), canPin(rev)]).toEqual([false, false])
    expect(upstreamText(rev, undefined, true).text).toBe('Pinned')
    const indirect = dep({ declaredAs: [] })
    expect([canUpdate(indirect), canPin(indirect)]).toEqual([true, false])
  })

  it('asks by a package name no other git source has', () => {
    const a = dep({
      source: 'a',
      packages: [
        { name: 'shared', version: '1.0.0' },
        { name: 'only-a', version: '1.0.0' }
      ]
    })
    const b = dep({ source: 'b', packages: [{ name: 'shared', version: '2.0.0' }] })
    expect(requestName(a, [a, b])).toBe('only-a')
    expect(requestName(b, [a, b])).toBe('shared')
    expect(requestName(a, [a])).toBe('shared')
  })
})
