import { describe, expect, it } from 'vitest'
import { CRATES_IO } from '../../../../../src/main/engine/sources/source-id'
import { configFor, DEPENDENCY, errorOf, MANIFEST, MEMBER, profilesOf } from './helpers'

describe('built-in profiles', () => {
  it('dev: unoptimised, full debuginfo, checks and incremental, built into target/debug', () => {
    const p = profilesOf('').forUnit('dev', MEMBER, false)
    expect(p).toMatchObject({
      name: 'dev',
      dirName: 'debug',
      root: 'debug',
      optLevel: '0',
      debug: 'full',
      debuginfo: 2,
      debugAssertions: true,
      overflowChecks: true,
      incremental: true,
      panic: 'unwind',
      lto: 'false',
      strip: 'none',
      rpath: false
    })
    expect(p.codegenUnits).toBeUndefined()
  })

  it('release: opt-level 3, nothing else on, debuginfo stripped by default', () => {
    const p = profilesOf('').forUnit('release', MEMBER, false)
    expect(p).toMatchObject({
      name: 'release',
      dirName: 'release',
      root: 'release',
      optLevel: '3',
      debug: 'none',
      debugAssertions: false,
      overflowChecks: false,
      incremental: false,
      strip: 'debuginfo',
      stripDeferred: true
    })
  })

  it('test inherits dev and bench inherits release, with their own names and directories', () => {
    const profiles = profilesOf('[profile.dev]\nopt-level = 1\n[profile.release]\ncodegen-units = 4\n')
    expect(profiles.forUnit('test', MEMBER, false)).toMatchObject({
      name: 'test',
      dirName: 'debug',
      optLevel: '1'
    })
    expect(profiles.forUnit('bench', MEMBER, false)).toMatchObject({
      name: 'bench',
      dirName: 'release',
      root: 'release',
      codegenUnits: 4
    })
  })

  it('a [profile.test] table changes test only', () => {
    const profiles = profilesOf('[profile.test]\nopt-level = 2\n')
    expect(profiles.forUnit('test', MEMBER, false).optLevel).toBe('2')
    expect(profiles.forUnit('dev', MEMBER, false).optLevel).toBe('0')
  })
})

describe('custom profiles', () => {
  it('takes its parent settings, its own directory and the root of its chain', () => {
    const profiles = profilesOf(
      '[profile.fast]\ninherits = "release"\nlto = "thin"\n[profile.fastest]\ninherits = "fast"\ncodegen-units = 1\n'
    )
    expect(profiles.forUnit('fastest', MEMBER, false)).toMatchObject({
      name: 'fastest',
      dirName: 'fastest',
      root: 'release',
      optLevel: '3',
      lto: 'thin',
      codegenUnits: 1
    })
    expect(profiles.names).toEqual(['bench', 'dev', 'doc', 'fast', 'fastest', 'release', 'test'])
  })

  it('refuses a custom profile without inherits, at its line', () => {
    const e = errorOf(() => profilesOf('[profile.custom]\nopt-level = 1\n'))
    expect(e.message).toContain(
      'profile `custom` is missing an `inherits` directive (`inherits` is required for all profiles except `dev` or `release`)'
    )
    expect(e.details).toMatchObject({ file: MANIFEST, line: 4 })
    expect(e.code).toBe('manifest-invalid')
  })

  it('refuses inheriting from a profile that does not exist', () => {
    const e = errorOf(() => profilesOf('[profile.custom]\ninherits = "nope"\n'))
    expect(e.message).toContain('profile `custom` inherits from `nope`, but that profile is not defined')
    expect(e.details.line).toBe(5)
  })

  it('refuses inheritance loops', () => {
    const e = errorOf(() => profilesOf('[profile.a]\ninherits = "b"\n[profile.b]\ninherits = "a"\n'))
    expect(e.message).toContain('profile inheritance loop detected with profile `b` inheriting `a`')
    expect(errorOf(() => profilesOf('[profile.a]\ninherits = "a"\n')).message).toContain(
      'profile inheritance loop detected with profile `a` inheriting `a`'
    )
  })

  it('refuses inherits on dev and release', () => {
    expect(errorOf(() => profilesOf('[profile.dev]\ninherits = "release"\n')).message).toContain(
      '`inherits` must not be specified in root profile `dev`'
    )
  })

  it('refuses an unknown requested profile and `doc`', async () => {
    expect(errorOf(() => profilesOf('', undefined, 'nope')).message).toBe('profile `nope` is not defined')
    expect(errorOf(() => profilesOf('', undefined, 'doc')).message).toBe(
      'profile `doc` is reserved and not allowed to be explicitly specified'
    )
    expect(errorOf(() => profilesOf('').forUnit('nope', MEMBER, false)).message).toMatch(
      /Unknown profile `nope`/
    )
    const config = await configFor(undefined)
    expect(errorOf(() => profilesOf('', config, 'debug')).details.hint).toContain('`dev`')
  })
})

describe('configuration profiles', () => {
  it('override the manifest key by key', async () => {
    const config = await configFor('[profile.dev]\nopt-level = 2\n')
    const p = profilesOf('[profile.dev]\nopt-level = 1\ncodegen-units = 5\n', config).forUnit(
      'dev',
      MEMBER,
      false
    )
    expect(p).toMatchObject({ optLevel: '2', codegenUnits: 5 })
  })

  it('CARGO_PROFILE_* beats the files, typed as cargo types the environment', async () => {
    const config = await configFor('[profile.dev]\nopt-level = 2\n', {
      CARGO_PROFILE_DEV_OPT_LEVEL: '3',
      CARGO_PROFILE_DEV_DEBUG: '1',
      CARGO_PROFILE_DEV_LTO: 'true',
      CARGO_PROFILE_DEV_STRIP: 'false',
      CARGO_PROFILE_DEV_SPLIT_DEBUGINFO: 'packed'
    })
    const p = profilesOf('', config).forUnit('dev', MEMBER, false)
    expect(p).toMatchObject({
      optLevel: '3',
      debug: 'limited',
      lto: 'true',
      strip: 'none',
      stripDeferred: false
    })
    expect(p.splitDebuginfo).toBe('packed')
  })

  it('finds a profile only the environment defines when it is requested', async () => {
    const config = await configFor(undefined, {
      CARGO_PROFILE_MY_PROF_INHERITS: 'release',
      CARGO_PROFILE_MY_PROF_OPT_LEVEL: 's'
    })
    const p = profilesOf('', config, 'my-prof').forUnit('my-prof', MEMBER, false)
    expect(p).toMatchObject({ name: 'my-prof', dirName: 'my-prof', root: 'release', optLevel: 's' })
  })

  it('a config profile inherits from another config profile, and overrides the manifest inherits', async () => {
    const config = await configFor(
      '[profile.a]\ninherits = "b"\n[profile.b]\ninherits = "dev"\nopt-level = 1\n'
    )
    expect(profilesOf('', config, 'a').forUnit('a', MEMBER, false)).toMatchObject({
      root: 'debug',
      optLevel: '1'
    })
    const switched = await configFor('[profile.custom]\ninherits = "dev"\n')
    expect(
      profilesOf('[profile.custom]\ninherits = "release"\n', switched).forUnit('custom', MEMBER, false).root
    ).toBe('debug')
  })

  it('leaves config profiles nobody asks for unread', async () => {
    const config = await configFor('[profile.unused]\nopt-level = "x"\nfoo = 1\n')
    const profiles = profilesOf('', config)
    expect(profiles.has('unused')).toBe(false)
    expect(profiles.warnings).toEqual([])
  })

  it('warns about unknown keys with the file and line', async () => {
    const config = await configFor('[profile.dev]\nopt-level = 1\nfoo = 1\n')
    const [w] = profilesOf('', config).warnings
    expect(w?.message).toBe(`unused config key \`profile.dev.foo\` in \`${config.files[0]}\``)
    expect(w).toMatchObject({ file: config.files[0], line: 3 })
  })

  it('reports a bad value at its file and line, or its variable', async () => {
    const config = await configFor('[profile.dev]\ndebug = "foo"\n')
    const e = errorOf(() => profilesOf('', config))
    expect(e.message).toContain(
      'invalid value: string "foo", expected a boolean, 0, 1, 2, "none", "limited", "full", "line-tables-only", or "line-directives-only"'
    )
    expect(e.details).toMatchObject({ file: config.files[0], line: 2 })
    expect(e.code).toBe('invalid-input')
    const fromEnv = await configFor(undefined, { CARGO_PROFILE_DEV_DEBUG_ASSERTIONS: '1' })
    expect(errorOf(() => profilesOf('', fromEnv)).message).toContain(
      'environment variable `CARGO_PROFILE_DEV_DEBUG_ASSERTIONS`: provided string was not `true` or `false`'
    )
    const cgu = await configFor(undefined, { CARGO_PROFILE_DEV_CODEGEN_UNITS: 'x' })
    expect(errorOf(() => profilesOf('', cgu)).message).toContain('invalid digit found in string')
  })

  it('validates config profiles as cargo does', async () => {
    const config = await configFor('[profile.dev.package.p]\npanic = "abort"\n')
    expect(errorOf(() => profilesOf('', config)).message).toContain(
      '`panic` may not be specified in a `package` profile'
    )
    const lto = await configFor('[profile.dev]\nlto = "false"\n')
    expect(errorOf(() => profilesOf('', lto)).message).toContain(
      '`lto` setting of string `"false"` for `dev` profile'
    )
  })

  it('merges package tables and lets CARGO_PROFILE_<P>_PACKAGE_<spec>_<KEY> override one', async () => {
    const config = await configFor('[profile.dev.package.p]\nopt-level = 2\n', {
      CARGO_PROFILE_DEV_PACKAGE_p_CODEGEN_UNITS: '9'
    })
    const p = profilesOf('[profile.dev.package.p]\nopt-level = 1\ncodegen-units = 2\n', config).forUnit(
      'dev',
      MEMBER,
      false
    )
    expect(p).toMatchObject({ optLevel: '2', codegenUnits: 9 })
  })
})

describe('incremental', () => {
  it('follows build.incremental, then CARGO_INCREMENTAL (only "1" is on)', async () => {
    const off = await configFor('[build]\nincremental = false\n')
    expect(profilesOf('', off).forUnit('dev', MEMBER, false).incremental).toBe(false)
    const on = await configFor('[build]\nincremental = false\n', { CARGO_INCREMENTAL: '1' })
    expect(profilesOf('', on).forUnit('dev', MEMBER, false).incremental).toBe(true)
    expect(profilesOf('', on).forUnit('release', MEMBER, false).incremental).toBe(true)
    const yes = await configFor(undefined, { CARGO_INCREMENTAL: 'yes' })
    expect(profilesOf('', yes).forUnit('dev', MEMBER, false).incremental).toBe(false)
  })

  it('is never on for packages that are not path packages', () => {
    const profiles = profilesOf('')
    expect(profiles.forUnit('dev', DEPENDENCY, false).incremental).toBe(false)
    expect(profiles.forUnit('dev', { ...DEPENDENCY, isLocal: true }, false).incremental).toBe(true)
  })
})

describe('forUnit', () => {
  const OVERRIDES = `[profile.release.build-override]
debug = true
opt-level = 1
codegen-units = 3
[profile.release.package.q]
opt-level = 2
debug = 1
[profile.release.package."*"]
opt-level = "s"
codegen-units = 7
`

  it('host units compile fast: opt-level 0, no codegen-unit limit, deferred debuginfo', () => {
    const p = profilesOf('[profile.release]\ncodegen-units = 1\n').forUnit('release', MEMBER, true)
    expect(p).toMatchObject({ optLevel: '0', debug: 'none', debuginfoDeferred: true, strip: 'debuginfo' })
    expect(p.codegenUnits).toBeUndefined()
    const dev = profilesOf('').forUnit('dev', MEMBER, true)
    expect(dev).toMatchObject({ debug: 'full', debuginfoDeferred: true, strip: 'none' })
  })

  it('applies build-override, then "*" for non-members, then the named package (as cargo -v shows)', () => {
    const profiles = profilesOf(OVERRIDES)
    expect(profiles.forUnit('release', { name: 'b', isMember: false }, true)).toMatchObject({
      optLevel: 's',
      codegenUnits: 7,
      debug: 'full',
      debuginfoDeferred: false
    })
    expect(profiles.forUnit('release', { name: 'q', isMember: false }, false)).toMatchObject({
      optLevel: '2',
      codegenUnits: 7,
      debug: 'limited'
    })
    expect(profiles.forUnit('release', MEMBER, true)).toMatchObject({
      optLevel: '1',
      codegenUnits: 3,
      debug: 'full'
    })
    expect(profiles.forUnit('release', MEMBER, false)).toMatchObject({ optLevel: '3', debug: 'none' })
  })

  it('matches versioned specs only with the package ID', () => {
    const profiles = profilesOf('[profile.dev.package."dep@1.2.3"]\nopt-level = 3\n')
    expect(profiles.forUnit('dev', DEPENDENCY, false).optLevel).toBe('0')
    const id = { name: 'dep', version: '1.2.3', source: CRATES_IO }
    expect(profiles.forUnit('dev', { ...DEPENDENCY, id }, false).optLevel).toBe('3')
    expect(profiles.forUnit('dev', { ...DEPENDENCY, id: { ...id, version: '1.2.4' } }, false).optLevel).toBe(
      '0'
    )
  })

  it('refuses two overrides naming one package', () => {
    const profiles = profilesOf(
      '[profile.dev.package.p]\nopt-level = 1\n[profile.dev.package."p@0.1.0"]\nopt-level = 2\n'
    )
    const id = { name: 'p', version: '0.1.0', source: { kind: 'path' as const, path: '/p' } }
    expect(errorOf(() => profiles.forUnit('dev', { ...MEMBER, id }, false)).message).toContain(
      'multiple package overrides in profile `dev` match package `p v0.1.0`'
    )
    expect(errorOf(() => profiles.validatePackages([id])).message).toContain(
      'found package specs: p, p@0.1.0'
    )
  })

  it('keeps panic = "abort" away from host units and test harnesses', () => {
    const profiles = profilesOf('[profile.dev]\npanic = "abort"\n')
    expect(profiles.forUnit('dev', MEMBER, false).panic).toBe('abort')
    expect(profiles.forUnit('dev', MEMBER, true).panic).toBe('unwind')
    expect(profiles.forUnit('test', MEMBER, false, { alwaysUnwind: true }).panic).toBe('unwind')
  })

  it('defaults split-debuginfo to unpacked for apple targets with debuginfo', () => {
    const profiles = profilesOf('')
    expect(profiles.forUnit('dev', MEMBER, false, { target: 'aarch64-apple-darwin' }).splitDebuginfo).toBe(
      'unpacked'
    )
    expect(
      profiles.forUnit('release', MEMBER, false, { target: 'aarch64-apple-darwin' }).splitDebuginfo
    ).toBeUndefined()
    expect(
      profiles.forUnit('dev', MEMBER, false, { target: 'x86_64-unknown-linux-gnu' }).splitDebuginfo
    ).toBeUndefined()
  })

  it('strips debuginfo by default only without debuginfo; an explicit strip stays', () => {
    expect(profilesOf('[profile.dev]\ndebug = false\n').forUnit('dev', MEMBER, false).strip).toBe('debuginfo')
    expect(profilesOf('[profile.release]\nstrip = false\n').forUnit('release', MEMBER, false)).toMatchObject({
      strip: 'none',
      stripDeferred: false
    })
    expect(profilesOf('[profile.dev]\nstrip = true\n').forUnit('dev', MEMBER, false).strip).toBe('symbols')
  })

  it('maps lto spellings as cargo does', () => {
    const lto = (v: string): string =>
      profilesOf(`[profile.dev]\nlto = ${v}\n`).forUnit('dev', MEMBER, false).lto
    expect([
      lto('true'),
      lto('false'),
      lto('"fat"'),
      lto('"thin"'),
      lto('"n"'),
      lto('"none"'),
      lto('"off"')
    ]).toEqual(['true', 'false', 'fat', 'thin', 'off', 'off', 'off'])
  })

  it('base() is the profile of the Finished line', () => {
    expect(profilesOf('[profile.dev]\nopt-level = 1\n').base('dev')).toMatchObject({
      optLevel: '1',
      debug: 'full'
    })
  })

  it('warns about manifest package specs that match no package', () => {
    const profiles = profilesOf('[profile.dev.package.q]\nopt-level = 1\n')
    const id = { name: 'p', version: '0.1.0', source: { kind: 'path' as const, path: '/p' } }
    expect(profiles.validatePackages([id])).toEqual([
      {
        message: 'profile package spec `q` in profile `dev` did not match any packages',
        file: MANIFEST,
        line: 4
      }
    ])
  })
})
