/** Lock `source` strings both ways, and the url crate's form encoding cargo uses in format 4. */
import { describe, expect, it } from 'vitest'
import { formUrlDecodePairs, formUrlEncode } from '../../../../src/main/engine/tools/form-urlencoded'
import { lockSourceString, parseLockSource } from '../../../../src/main/engine/lockfile/lock-source'
import type { SourceId } from '../../../../src/main/engine/sources/source-id'

describe('form encoding', () => {
  it('matches cargo’s frozen test vector (source_id.rs gitrefs_roundtrip)', () => {
    const branch = `*-._+20%30 Z/z#foo=bar&zap[]?to\\()'"`
    expect(formUrlEncode(branch)).toBe('*-._%2B20%2530+Z%2Fz%23foo%3Dbar%26zap%5B%5D%3Fto%5C%28%29%27%22')
    expect(formUrlDecodePairs(`branch=${formUrlEncode(branch)}`)).toEqual([['branch', branch]])
  })

  it('encodes non-ASCII as UTF-8 bytes and decodes like query_pairs', () => {
    expect(formUrlEncode('é~!')).toBe('%C3%A9%7E%21')
    expect(formUrlDecodePairs('a=1&&b&c=x+y%zz&d=%C3%A9')).toEqual([
      ['a', '1'],
      ['b', ''],
      ['c', 'x y%zz'],
      ['d', 'é']
    ])
  })
})

const REPO = 'https://example.com/repo.git'

describe('lock sources', () => {
  it.each<[string, SourceId]>([
    [
      'registry+https://github.com/rust-lang/crates.io-index',
      { kind: 'registry', url: 'https://github.com/rust-lang/crates.io-index' }
    ],
    ['sparse+https://index.crates.io/', { kind: 'sparse', url: 'https://index.crates.io/' }],
    [`git+${REPO}#0123abc`, { kind: 'git', url: REPO, ref: { type: 'default' }, precise: '0123abc' }],
    [
      `git+${REPO}?tag=v1.0#0123abc`,
      { kind: 'git', url: REPO, ref: { type: 'tag', value: 'v1.0' }, precise: '0123abc' }
    ],
    [`git+${REPO}?rev=0123`, { kind: 'git', url: REPO, ref: { type: 'rev', value: '0123' } }],
    [
      `git+${REPO}?branch=a%2Fb#c`,
      { kind: 'git', url: REPO, ref: { type: 'branch', value: 'a/b' }, precise: 'c' }
    ],
    [`git+${REPO}?ref=old`, { kind: 'git', url: REPO, ref: { type: 'branch', value: 'old' } }],
    ['path+file:///ws/a%20b', { kind: 'path', path: '/ws/a b' }]
  ])('%s', (text, id) => {
    expect(parseLockSource(text)).toEqual({ ok: true, id })
  })

  it('writes a git reference raw before format 4 and form-encoded from format 4', () => {
    const id: SourceId = { kind: 'git', url: REPO, ref: { type: 'branch', value: 'fix/a b' }, precise: 'abc' }
    expect(lockSourceString(id, 3)).toBe(`git+${REPO}?branch=fix/a b#abc`)
    expect(lockSourceString(id, 4)).toBe(`git+${REPO}?branch=fix%2Fa+b#abc`)
    expect(lockSourceString(id, 4, false)).toBe(`git+${REPO}?branch=fix%2Fa+b`)
    expect(lockSourceString({ kind: 'path', path: '/ws' }, 4)).toBeUndefined()
  })

  it('refuses what cargo refuses, with its reasons', () => {
    expect(parseLockSource('nosplus')).toEqual({ ok: false, reason: 'invalid source `nosplus`' })
    expect(parseLockSource('directory+file:///x')).toEqual({
      ok: false,
      reason: 'unsupported source protocol: directory'
    })
    expect(parseLockSource('registry+bar')).toEqual({
      ok: false,
      reason: 'invalid url `bar`: relative URL without a base'
    })
  })
})
