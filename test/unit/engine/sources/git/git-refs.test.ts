import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../../../src/main/engine/errors'
import type { GitRef } from '../../../../../src/main/engine/sources/source-id'
import {
  checkGitRef,
  fetchPlan,
  isFullCommitHash,
  localRevision,
  refNameProblem,
  revProblem
} from '../../../../../src/main/engine/sources/git/git-refs'

describe('fetchPlan (cargo’s refspecs)', () => {
  it('fetches one ref for a branch, a tag or the default branch', () => {
    expect(fetchPlan({ type: 'branch', value: 'main' })).toEqual({
      refspecs: ['+refs/heads/main:refs/remotes/origin/main'],
      tags: false
    })
    expect(fetchPlan({ type: 'tag', value: 'v1' })).toEqual({
      refspecs: ['+refs/tags/v1:refs/remotes/origin/tags/v1'],
      tags: false
    })
    expect(fetchPlan({ type: 'default' })).toEqual({
      refspecs: ['+HEAD:refs/remotes/origin/HEAD'],
      tags: false
    })
  })

  it('fetches a `refs/` rev as itself, and everything for any other rev', () => {
    expect(fetchPlan({ type: 'rev', value: 'refs/pull/1/head' }).refspecs).toEqual([
      '+refs/pull/1/head:refs/pull/1/head'
    ])
    expect(fetchPlan({ type: 'rev', value: 'abc1234' })).toEqual({
      refspecs: ['+refs/heads/*:refs/remotes/origin/*', '+HEAD:refs/remotes/origin/HEAD'],
      tags: true
    })
  })

  it('resolves where the refspecs put things', () => {
    expect(localRevision({ type: 'tag', value: 'v1' })).toBe('refs/remotes/origin/tags/v1^{commit}')
    expect(localRevision({ type: 'default' })).toBe('refs/remotes/origin/HEAD^{commit}')
  })
})

describe('ref checks', () => {
  it.each(['main', 'feature/x-1', 'release-1.0', 'v1.0.0'])('accepts the ref name %s', (name) => {
    expect(refNameProblem(name)).toBeUndefined()
  })

  it.each([
    '',
    '-x',
    '--upload-pack=x',
    'a b',
    'a:b',
    'a..b',
    'a/.hidden',
    'x.lock',
    'a//b',
    'a/',
    'a.',
    'a@{1}',
    'a*',
    'a\u0001'
  ])('refuses the ref name %j', (name) => {
    expect(refNameProblem(name)).toBeDefined()
  })

  it('allows short hashes and rev expressions, not options or refspecs', () => {
    expect(revProblem('abc1234')).toBeUndefined()
    expect(revProblem('v1.0^{}')).toBeUndefined()
    expect(revProblem('-n')).toBeDefined()
    expect(revProblem('a:b')).toBeDefined()
    expect(revProblem('refs/heads/a..b')).toBeDefined()
  })

  it('throws an invalid-input error naming the ref and the URL', () => {
    const ref: GitRef = { type: 'branch', value: '--evil' }
    try {
      checkGitRef(ref, 'https://example.com/r')
      expect.unreachable()
    } catch (e) {
      expect(isEngineError(e) && e.code).toBe('invalid-input')
      expect((e as Error).message).toBe(
        'Invalid git branch `--evil` for https://example.com/r: it starts with `-`.'
      )
    }
    expect(checkGitRef({ type: 'default' }, 'x')).toEqual({ type: 'default' })
  })

  it('knows a full commit hash (SHA-1 or SHA-256) from a short one', () => {
    expect(isFullCommitHash('a'.repeat(40))).toBe(true)
    expect(isFullCommitHash('a'.repeat(64))).toBe(true)
    expect(isFullCommitHash('a'.repeat(39))).toBe(false)
  })
})
