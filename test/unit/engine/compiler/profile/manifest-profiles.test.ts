import { describe, expect, it } from 'vitest'
import { manifestProfilesFromDecls } from '../../../../../src/main/engine/compiler/profile/manifest-profiles'
import { resolveProfiles } from '../../../../../src/main/engine/compiler/profile'
import { errorOf, MANIFEST, manifestProfiles } from './helpers'

/** The message of the error reading `extra` raises, with its line. */
function failure(extra: string): { message: string; line: number | undefined } {
  const e = errorOf(() => manifestProfiles(extra))
  expect(e.code).toBe('manifest-invalid')
  return { message: e.message, line: e.details.line }
}

describe('reading [profile.*] from Cargo.toml', () => {
  it('keeps every setting with its line', () => {
    const { profiles, warnings } = manifestProfiles(
      '[profile.dev]\ndebug = "line-tables-only"\nsplit-debuginfo = "packed"\nrpath = true\nstrip = true\ncodegen-units = 4\npanic = "abort"\nlto = "thin"\n[profile.dev.build-override]\nopt-level = 3\n[profile.dev.package."*"]\nopt-level = "z"\n'
    )
    expect(warnings).toEqual([])
    const dev = profiles.get('dev')!
    expect(dev.debug).toEqual({ value: 'line-tables-only', def: { type: 'file', file: MANIFEST, line: 5 } })
    expect([dev.splitDebuginfo?.value, dev.rpath?.value, dev.strip?.value, dev.codegenUnits?.value]).toEqual([
      'packed',
      true,
      true,
      4
    ])
    expect([dev.panic?.value, dev.lto?.value]).toEqual(['abort', 'thin'])
    expect(dev.buildOverride?.optLevel?.value).toBe('3')
    expect(dev.package?.get('*')?.layer.optLevel).toEqual({
      value: 'z',
      def: { type: 'file', file: MANIFEST, line: 15 }
    })
  })

  it('refuses values of the wrong kind with serde-style words', () => {
    expect(failure('[profile.dev]\nopt-level = "3"\n')).toEqual({
      message:
        '`profile.dev.opt-level` in /p/Cargo.toml: must be `0`, `1`, `2`, `3`, `s` or `z`, but found the string: "3".',
      line: 5
    })
    expect(failure('[profile.dev]\nopt-level = 1.5\n').message).toContain(
      'invalid type: floating point `1.5`, expected an optimization level'
    )
    expect(failure('[profile.dev]\ndebug = 3\n').message).toContain(
      'invalid value: integer `3`, expected a boolean, 0, 1, 2'
    )
    expect(failure('[profile.dev]\nrpath = "yes"\n').message).toContain(
      'invalid type: string "yes", expected a boolean'
    )
    expect(failure('[profile.dev]\ninherits = 1\n').message).toContain(
      'invalid type: integer `1`, expected a string'
    )
    expect(failure('[profile.dev]\ncodegen-units = -1\n').message).toContain(
      'invalid value: integer `-1`, expected u32'
    )
    expect(failure('[profile.dev]\ncodegen-units = 4294967296\n').message).toContain('expected u32')
  })

  it('accepts any integer opt-level, as cargo does (rustc judges it)', () => {
    expect(manifestProfiles('[profile.dev]\nopt-level = 9\n').profiles.get('dev')?.optLevel?.value).toBe('9')
  })

  it('refuses reserved and malformed profile names', () => {
    expect(failure('[profile.debug]\ninherits = "dev"\n')).toEqual({
      message: 'profile name `debug` is reserved',
      line: 4
    })
    expect(failure('[profile.check]\ninherits = "dev"\n').message).toBe('profile name `check` is reserved')
    expect(failure('[profile.cargo-x]\ninherits = "dev"\n').message).toBe(
      'profile name `cargo-x` is reserved'
    )
    expect(failure('[profile.Build]\ninherits = "dev"\n').message).toBe('profile name `Build` is reserved')
    expect(failure('[profile."a.b"]\ninherits = "dev"\n').message).toBe(
      'invalid character `.` in profile name: `a.b`, allowed characters are letters, numbers, underscore, and hyphen'
    )
    expect(manifestProfiles('[profile.new]\ninherits = "dev"\n').profiles.has('new')).toBe(true)
  })

  it('validates as cargo does', () => {
    expect(failure('[profile.dev]\ndir-name = "foo"\n').message).toContain(
      'dir-name="foo" in profile `dev` is not currently allowed, directory names are tied to the profile name for custom profiles'
    )
    expect(failure('[profile.a]\ninherits = "debug"\n').message).toContain(
      'profile.a.inherits="debug" should be profile.a.inherits="dev"'
    )
    expect(failure('[profile.dev]\npanic = "foo"\n').message).toContain(
      '`panic` setting of `foo` is not a valid setting, must be `unwind`, `abort`, or `immediate-abort`.'
    )
    expect(failure('[profile.dev]\npanic = "immediate-abort"\n').message).toContain(
      'feature `panic-immediate-abort` is required'
    )
    expect(failure('[profile.dev]\nlto = "true"\n').message).toContain(
      '`lto` setting of string `"true"` for `dev` profile'
    )
    expect(failure('[profile.dev.package.q]\npanic = "abort"\n').message).toContain(
      '`panic` may not be specified in a `package` profile'
    )
    expect(failure('[profile.dev.build-override]\nlto = true\n').message).toContain(
      '`lto` may not be specified in a `build-override` profile'
    )
    expect(failure('[profile.dev.package.q.package.r]\nopt-level = 1\n').message).toContain(
      'package-specific profiles cannot be nested'
    )
    expect(failure('[profile.dev.build-override.build-override]\nopt-level = 1\n').message).toContain(
      'build-override profiles cannot be nested'
    )
    expect(failure('[profile.dev]\nrustflags = ["-Cfoo"]\n').message).toContain(
      'feature `profile-rustflags` is required'
    )
    expect(failure('[profile.dev]\ntrim-paths = true\n').message).toContain(
      'feature `trim-paths` is required'
    )
    expect(failure('[profile.dev.package."foo@x"]\nopt-level = 1\n').message).toContain('foo@x')
  })

  it("warns as cargo does: unknown keys, doc, test's panic, hint-mostly-unused", () => {
    const { warnings } = manifestProfiles(
      '[profile.dev]\nfoo = 1\n[profile.doc]\nopt-level = 1\n[profile.test]\npanic = "abort"\n[profile.release]\nhint-mostly-unused = true\n'
    )
    expect(warnings.map((w) => [w.message, w.line])).toEqual([
      ['unused manifest key: profile.dev.foo', 5],
      ['profile `doc` is deprecated and has no effect', 6],
      ['`panic` setting is ignored for `test` profile', 9],
      ["ignoring 'hint-mostly-unused' profile option, pass `-Zprofile-hint-mostly-unused` to enable it", 11]
    ])
  })
})

describe('the ProfileDecl record (today’s Manifest.profiles)', () => {
  it('adapts to layers, booleans recovered from their text', () => {
    const layers = manifestProfilesFromDecls({ release: { lto: 'true', strip: 'false', debug: 1 } }, MANIFEST)
    const release = layers.get('release')!
    expect([release.lto?.value, release.strip?.value, release.debug?.value]).toEqual([true, false, 'limited'])
  })

  it('serves a member unit from manifest declarations alone', () => {
    const resolveProfile = (
      name: string,
      declared: Parameters<typeof manifestProfilesFromDecls>[0],
      file: string
    ) =>
      resolveProfiles({
        manifestProfiles: manifestProfilesFromDecls(declared, file),
        manifestPath: file
      }).forUnit(name, { name: '', isMember: true, isLocal: true }, false)
    expect(resolveProfile('release', {}, MANIFEST)).toMatchObject({ optLevel: '3', strip: 'debuginfo' })
    expect(
      resolveProfile('custom', { custom: { inherits: 'release', optLevel: '1' } }, MANIFEST)
    ).toMatchObject({
      dirName: 'custom',
      optLevel: '1'
    })
    expect(errorOf(() => resolveProfile('bench-ish', {}, MANIFEST)).message).toMatch(
      /Unknown profile `bench-ish`/
    )
  })
})
