import { describe, expect, it } from 'vitest'
import { checkPackageName, crateNameOf } from '../../../src/shared/rules/package-name'
import { checkVersion } from '../../../src/shared/rules/semver'

describe('package name rules (as cargo new checks them)', () => {
  it.each(['hello', 'hello-world', 'hello_world', 'a1', 'X', 'my-crate-2'])('accepts %s', (name) => {
    expect(checkPackageName(name)).toEqual({})
  })

  it.each([
    ['', /cannot be empty/],
    ['1bad', /cannot start with a digit/],
    ['a b', /Invalid character a space/],
    ['café', /Invalid character `é`/],
    ['foo.bar', /Invalid character `\.`/],
    ['fn', /Rust keyword/],
    ['async', /Rust keyword/],
    ['Self', /Rust keyword/],
    ['test', /built-in `test` library/],
    ['core', /built-in `core` library/],
    ['std', /built-in `std` library/],
    ['alloc', /built-in `alloc` library/],
    ['proc_macro', /built-in/],
    ['deps', /build directory names/],
    ['incremental', /build directory names/],
    ['x'.repeat(65), /at most 64/]
  ])('rejects %j', (name, why) => {
    expect(checkPackageName(name).error).toMatch(why)
  })

  it('warns about names Windows reserves, without refusing them', () => {
    expect(checkPackageName('nul')).toEqual({
      warning: expect.stringMatching(/reserved file name on Windows/) as string
    })
    expect(checkPackageName('com1').error).toBeUndefined()
  })

  it('turns hyphens into underscores for rustc', () => {
    expect(crateNameOf('hello-big-world')).toBe('hello_big_world')
  })
})

describe('package versions', () => {
  it.each(['0.1.0', '1.2.3', '1.0.0-alpha.1', '1.0.0+build.5', '10.20.30-rc.1+meta'])('accepts %s', (v) => {
    expect(checkVersion(v)).toBeUndefined()
  })

  it.each([
    ['', /cannot be empty/],
    ['v1.0.0', /remove the leading `v`/],
    ['1.0', /MAJOR\.MINOR\.PATCH/],
    ['01.0.0', /MAJOR\.MINOR\.PATCH/],
    ['1.0.0-', /MAJOR\.MINOR\.PATCH/]
  ])('rejects %j', (v, why) => {
    expect(checkVersion(v)).toMatch(why)
  })
})
