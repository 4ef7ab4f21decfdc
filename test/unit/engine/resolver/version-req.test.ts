import { describe, expect, it } from 'vitest'
import { matchesVersionReq } from '../../../../src/main/engine/resolver/version-match'
import {
  checkVersionReq,
  parseVersionReq,
  usesLetterWildcard
} from '../../../../src/main/engine/resolver/version-req'

/** What cargo 1.95 said about each requirement (checked with `cargo metadata` on a manifest). */
const ACCEPTED = [
  '1',
  '1.2',
  '1.2.3',
  '^1',
  '~1.0',
  '=1.0.152',
  '>= 1.0, < 2',
  '*',
  '1.*',
  '1.*.*',
  '<=1.*',
  '~1',
  '^ 1',
  ' 1 ',
  '>=1.0.0-beta',
  '1.0.0+build',
  '>=1.2.3+x',
  '1.x',
  '1.X',
  'x'
]

const REJECTED: readonly (readonly [string, string])[] = [
  ['v1', "unexpected character 'v' while parsing major version number"],
  ['1 - 2', "expected comma after major version number, found '-'"],
  ['>=1 || <3', "expected comma after major version number, found '|'"],
  ['1.*.3', 'unexpected character after wildcard in version req'],
  ['', 'unexpected end of input while parsing major version number'],
  ['01', 'invalid leading zero in major version number'],
  ['>1,', 'unexpected end of input while parsing major version number'],
  ['1.2.3.4', "expected comma after patch version number, found '.'"],
  ['=*', "unexpected character '*' while parsing major version number"],
  ['> =1', "unexpected character '=' while parsing major version number"],
  ['1.2 3', "expected comma after minor version number, found '3'"],
  ['1.0.0-', 'empty identifier segment in pre-release identifier'],
  ['1.0.0-alpha.01', 'invalid leading zero in pre-release identifier'],
  ['1.2.3+', 'empty identifier segment in build metadata'],
  ['~>1', "unexpected character '>' while parsing major version number"],
  ['1.2.', 'unexpected end of input while parsing patch version number'],
  ['latest', "unexpected character 'l' while parsing major version number"],
  ['*, >1', 'wildcard req (*) must be the only comparator in the version req'],
  [Array.from({ length: 33 }, (_, i) => String(i + 1)).join(','), 'excessive number of version comparators']
]

describe('cargo version requirements', () => {
  it.each(ACCEPTED)('accepts %j', (req) => {
    expect(parseVersionReq(req)).toMatchObject({ ok: true })
    expect(checkVersionReq(req)).toBeUndefined()
  })

  it.each(REJECTED)('rejects %j with cargo’s message', (req, message) => {
    expect(parseVersionReq(req)).toEqual({ ok: false, error: message })
  })

  it('explains the npm habits cargo does not share', () => {
    expect(checkVersionReq('>=1 || <3')).toMatch(/Cargo has no `\|\|`/)
    expect(checkVersionReq('1.0 - 2.0')).toMatch(/no hyphen ranges/)
    expect(checkVersionReq('v1.2')).toMatch(/Remove the leading `v`/)
  })

  it('notices the letter wildcards cargo accepts but does not document', () => {
    expect(['1.x', '1.X.x', 'x', '>= 1.x'].map(usesLetterWildcard)).toEqual([true, true, true, true])
    expect(['1.*', '1.0', 'x1', '1 - x'].map(usesLetterWildcard)).toEqual([false, false, false, false])
  })

  it('accepts 32 comparators and no more', () => {
    expect(parseVersionReq(Array.from({ length: 32 }, () => '>=1').join(', ')).ok).toBe(true)
  })

  it.each([
    ['1', '1.9.0', true],
    ['1', '2.0.0', false],
    ['0.2', '0.2.9', true],
    ['0.2', '0.3.0', false],
    ['0.0.3', '0.0.4', false],
    ['~1.2', '1.2.9', true],
    ['~1.2', '1.3.0', false],
    ['>=1.0, <1.5', '1.4.9', true],
    ['>=1.0, <1.5', '1.5.0', false],
    ['=1.0.152', '1.0.152', true],
    ['1.*', '1.7.0', true],
    ['*', '9.9.9', true],
    ['1', '1.2.0-beta', false],
    ['>=1.2.0-alpha', '1.2.0-beta', true],
    ['>=1.2.0-alpha', '1.3.0-beta', false],
    ['<1.0.0', '0.9.9', true]
  ] as const)('%s matches %s: %s', (req, version, expected) => {
    const parsed = parseVersionReq(req)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(matchesVersionReq(parsed.req, version)).toBe(expected)
  })
})
