import { describe, expect, it } from 'vitest'
import {
  checkRegistryName,
  indexFilePath,
  namePrefix
} from '../../../../../src/main/engine/sources/sparse/index-path'

describe('index file paths', () => {
  it.each([
    ['a', '1/a'],
    ['ab', '2/ab'],
    ['abc', '3/a/abc'],
    ['abcd', 'ab/cd/abcd'],
    ['cargo', 'ca/rg/cargo'],
    ['serde_json', 'se/rd/serde_json'],
    ['a-b', '3/a/a-b']
  ])('puts %s at %s', (name, path) => {
    expect(indexFilePath(name)).toBe(path)
  })

  it('lowercases the whole path, as cargo fetches it', () => {
    expect(indexFilePath('AbC')).toBe('3/a/abc')
    expect(indexFilePath('FooBar')).toBe('fo/ob/foobar')
  })

  it('counts characters, not bytes', () => {
    expect(indexFilePath('ĉa')).toBe('2/ĉa')
    expect(indexFilePath('abcĉ')).toBe('ab/cĉ/abcĉ')
  })

  it('keeps the case in the download prefix, as cargo does', () => {
    expect(namePrefix('AbCd')).toBe('Ab/Cd')
    expect(namePrefix('Abc')).toBe('3/A')
    expect(namePrefix('a')).toBe('1')
  })
})

describe('registry package names', () => {
  it.each(['serde', 'serde_json', 'foo-bar', 'ĉa', '_x'])('accepts %s', (name) => {
    expect(() => checkRegistryName(name)).not.toThrow()
  })

  it.each(['', '..', '../x', 'a/b', 'a\\b', 'a b', 'a.b', 'a\u0000'])('refuses %j', (name) => {
    expect(() => checkRegistryName(name)).toThrow(/cannot be the name of a registry package/)
  })
})
