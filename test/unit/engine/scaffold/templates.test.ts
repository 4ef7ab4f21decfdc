import fc from 'fast-check'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { manifestText, tomlString } from '../../../../src/main/engine/scaffold/templates'

/** What smol-toml reads back from `key = <tomlString(value)>`. */
function roundTrip(value: string): unknown {
  return parse(`key = ${tomlString(value)}\n`).key
}

describe('tomlString', () => {
  it('escapes DEL, which TOML forbids unescaped in basic strings', () => {
    expect(tomlString('a\u007Fb')).toBe('"a\\u007Fb"')
    expect(roundTrip('a\u007Fb')).toBe('a\u007Fb')
  })

  it('round-trips every control character, quotes and backslashes', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\u007F"\\'
    expect(roundTrip(all)).toBe(all)
  })

  it('writes what cargo writes for plain text', () => {
    expect(tomlString('my-package')).toBe('"my-package"')
    expect(tomlString('Jane "JD" Doe <jane@example.com>')).toBe('"Jane \\"JD\\" Doe <jane@example.com>"')
    expect(tomlString('tab\there\nline')).toBe('"tab\\there\\nline"')
  })

  it('round-trips any Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => roundTrip(s) === s))
  })

  it('always parses, even with lone surrogates (written as U+FFFD)', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    fc.assert(fc.property(fc.string({ unit: anyUnit }), (s) => typeof roundTrip(s) === 'string'))
    expect(roundTrip('a\uD800b')).toBe('a\uFFFDb')
  })

  it('makes a manifest that parses with a DEL in the description', () => {
    const text = manifestText({
      path: '/tmp/x',
      name: 'x',
      kind: 'bin',
      edition: '2021',
      version: '0.1.0',
      authors: ['A\u007F'],
      description: 'ring the bell\u0007 and delete\u007F',
      vcs: 'none'
    })
    expect(parse(text)).toMatchObject({
      package: { description: 'ring the bell\u0007 and delete\u007F', authors: ['A\u007F'] }
    })
  })
})
