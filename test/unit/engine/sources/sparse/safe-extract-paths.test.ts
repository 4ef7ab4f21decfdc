import { describe, expect, it } from 'vitest'
import { entrySegments } from '../../../../../src/main/engine/tools/safe-extract'

describe('tar entry paths', () => {
  it('accepts paths below the root folder', () => {
    expect(entrySegments('foo-1.0.0/src/lib.rs', 'foo-1.0.0')).toEqual(['src', 'lib.rs'])
    expect(entrySegments('foo-1.0.0/', 'foo-1.0.0')).toEqual([])
    expect(entrySegments('./foo-1.0.0//./a', 'foo-1.0.0')).toEqual(['a'])
  })

  it.each([
    ['/etc/passwd', /absolute path/],
    ['C:/x', /absolute path/],
    ['foo-1.0.0/../../x', /climbs out/],
    ['foo-1.0.0/a/../../bar-1.0.0/x', /climbs out/],
    ['..', /climbs out/],
    ['bar-1.0.0/x', /not under `foo-1.0.0\/`/],
    ['foo-1.0.0x/a', /not under/],
    ['Foo-1.0.0/a', /not under/],
    ['foo-1.0.0\\..\\x', /backslash/]
  ])('refuses %s', (name, why) => {
    const result = entrySegments(name, 'foo-1.0.0')
    expect(typeof result).toBe('string')
    expect(result).toMatch(why)
  })
})
