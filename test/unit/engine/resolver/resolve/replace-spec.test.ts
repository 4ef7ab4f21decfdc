import { describe, expect, it } from 'vitest'
import {
  displayReplaceSpec,
  parseReplaceSpec,
  replaceSpecMatches,
  type ReplaceSpec
} from '../../../../../src/main/engine/resolver/resolve/replace-spec'
import type { PackageId } from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO, CRATES_IO_INDEX } from '../../../../../src/main/engine/sources/source-id'

function spec(text: string): ReplaceSpec {
  const parsed = parseReplaceSpec(text)
  if (!parsed.ok || !parsed.exact) throw new Error(`${text} did not parse to an exact spec`)
  return parsed.spec
}

const registry = (name: string, version: string): PackageId => ({ name, version, source: CRATES_IO })

describe('[replace] keys', () => {
  it.each([
    ['bar:0.1.0', `${CRATES_IO_INDEX}#bar@0.1.0`],
    ['bar@0.1.0', `${CRATES_IO_INDEX}#bar@0.1.0`],
    ['bar:0.1.0-beta.1+build', `${CRATES_IO_INDEX}#bar@0.1.0-beta.1+build`],
    [`${CRATES_IO_INDEX}#bar:0.1.0`, `${CRATES_IO_INDEX}#bar@0.1.0`],
    [`registry+${CRATES_IO_INDEX}#bar@0.1.0`, `registry+${CRATES_IO_INDEX}#bar@0.1.0`],
    ['https://example.com/repos/bar#0.2.0', 'https://example.com/repos/bar#0.2.0'],
    ['git+https://example.com/x?branch=a/b#bar@1.0.0', 'git+https://example.com/x?branch=a%2Fb#bar@1.0.0']
  ])('reads %s and prints it as cargo does: %s', (text, display) => {
    expect(displayReplaceSpec(spec(text))).toBe(display)
  })

  it('says when the key names no exact version, printing what it names', () => {
    for (const [text, display] of [
      ['bar', `${CRATES_IO_INDEX}#bar`],
      ['bar:0.1', `${CRATES_IO_INDEX}#bar@0.1`]
    ] as const) {
      const parsed = parseReplaceSpec(text)
      expect(parsed.ok && !parsed.exact && displayReplaceSpec(parsed.spec)).toBe(display)
    }
  })

  it('refuses a key that is not a package ID spec', () => {
    expect(parseReplaceSpec('bar:*').ok).toBe(false)
    expect(parseReplaceSpec('b r:1.0.0').ok).toBe(false)
    expect(parseReplaceSpec('ftp+https://x/y#a@1.0.0').ok).toBe(false)
  })

  it('matches name, version and crates.io by default', () => {
    const s = spec('bar:0.1.0')
    expect(replaceSpecMatches(s, registry('bar', '0.1.0'))).toBe(true)
    expect(replaceSpecMatches(s, registry('bar', '0.1.0+a'))).toBe(true)
    expect(replaceSpecMatches(s, registry('bar', '0.1.1'))).toBe(false)
    expect(replaceSpecMatches(s, registry('bar', '0.1.0-pre'))).toBe(false)
    expect(replaceSpecMatches(s, registry('baz', '0.1.0'))).toBe(false)
    expect(replaceSpecMatches(s, { ...registry('bar', '0.1.0'), source: { kind: 'path', path: '/x' } })).toBe(
      false
    )
    expect(
      replaceSpecMatches(s, {
        ...registry('bar', '0.1.0'),
        source: { kind: 'sparse', url: 'https://index.crates.io/' }
      })
    ).toBe(true)
  })

  it('compares build metadata only when the key has some', () => {
    const s = spec('bar:0.1.0+notTheBuild')
    expect(replaceSpecMatches(s, registry('bar', '0.1.0+a'))).toBe(false)
    expect(replaceSpecMatches(s, registry('bar', '0.1.0+notTheBuild'))).toBe(true)
  })

  it('matches another source only when the key names its URL (and kind)', () => {
    const git: PackageId = {
      name: 'bar',
      version: '1.0.0',
      source: { kind: 'git', url: 'https://example.com/x', ref: { type: 'branch', value: 'main' } }
    }
    expect(replaceSpecMatches(spec('https://example.com/x#bar@1.0.0'), git)).toBe(true)
    expect(replaceSpecMatches(spec('git+https://example.com/x?branch=main#bar@1.0.0'), git)).toBe(true)
    expect(replaceSpecMatches(spec('git+https://example.com/x?branch=dev#bar@1.0.0'), git)).toBe(false)
    expect(replaceSpecMatches(spec('registry+https://example.com/x#bar@1.0.0'), git)).toBe(false)
    expect(replaceSpecMatches(spec('bar@1.0.0'), git)).toBe(false)
  })
})
