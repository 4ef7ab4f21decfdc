/** TOML strings and keys as cargo 1.95 writes them (each expectation is cargo's own output). */
import { describe, expect, it } from 'vitest'
import { compareUtf8, tomlKey, tomlString } from '../../../../src/main/engine/lockfile/toml-string'

describe('tomlString', () => {
  it.each([
    ['abc', '"abc"'],
    ['', '""'],
    ['a"b', `'a"b'`],
    ["a'b", `"a'b"`],
    [`a'b"c`, `"""a'b"c"""`],
    ['a\\b', `'a\\b'`],
    ["a\\b'c", `'''a\\b'c'''`],
    ["a\\b'''c", `"a\\\\b'''c"`],
    ['a\nb', '"""\na\nb"""'],
    ['a\n"b', '"""\na\n"b"""'],
    ['a\nb\\c', "'''\na\nb\\c'''"],
    ['a\tb', '"a\\tb"'],
    ['a\rb', '"a\\rb"'],
    ['a\u001bb', '"a\\u001Bb"'],
    ['a\u007fb', '"a\\u007Fb"'],
    ['a\bb', '"a\\bb"'],
    ['a\fb', '"a\\fb"'],
    ['a"""b', `'a"""b'`],
    ['a""b', `'a""b'`],
    [`'a"`, `"""'a""""`],
    [`a'''b"c`, `"""a'''b"c"""`],
    ['é中😀', '"é中😀"'],
    ['\n', '"""\n\n"""'],
    ['ab\n', '"""\nab\n"""'],
    ['a\n"', '"""\na\n""""']
  ])('%j → %s', (value, expected) => {
    expect(tomlString(value)).toBe(expected)
  })
})

describe('tomlKey', () => {
  it.each([
    ['plain_key-1', 'plain_key-1'],
    ['key with space', '"key with space"'],
    ["key'q", `"key'q"`],
    ['key"q', `'key"q'`],
    [`key"'q`, `"key\\"'q"`],
    ['key\\q', "'key\\q'"],
    ['key\tq', '"key\\tq"'],
    ['key\nq', '"key\\nq"'],
    ['ключ', '"ключ"'],
    ['', '""']
  ])('%j → %s', (key, expected) => {
    expect(tomlKey(key)).toBe(expected)
  })
})

it('compareUtf8 orders by code point, as Rust orders strings (and JavaScript does not)', () => {
  const keys = ['😀', '\uffff', 'ключ', 'ÿ', 'é', 'Z', '_', 'key\tq', 'key with space']
  expect([...keys].sort(compareUtf8)).toEqual([
    'Z',
    '_',
    'key\tq',
    'key with space',
    'é',
    'ÿ',
    'ключ',
    '\uffff',
    '😀'
  ])
  expect([...keys].sort()).not.toEqual([...keys].sort(compareUtf8))
})
