import { describe, expect, it } from 'vitest'
import { profileArgParts, profileArgs } from '../../../../../src/main/engine/compiler/profile/profile-args'
import { DEPENDENCY, MEMBER, profilesOf } from './helpers'

/** The flags of the root package's binary for `[profile.NAME]` = `table` (expected values: cargo 1.95 -v). */
function binArgs(name: string, table: string): string {
  return profileArgs(
    profilesOf(table ? `[profile.${name}]\n${table}` : '').forUnit(name, MEMBER, false),
    true
  ).join(' ')
}

describe('profileArgs', () => {
  it('dev and release defaults', () => {
    expect(binArgs('dev', '')).toBe('-C embed-bitcode=no -C debuginfo=2')
    expect(binArgs('release', '')).toBe('-C opt-level=3 -C embed-bitcode=no -C strip=debuginfo')
  })

  it('every setting, in cargo order', () => {
    expect(
      binArgs(
        'dev',
        'debug = "line-tables-only"\nsplit-debuginfo = "packed"\nrpath = true\nstrip = true\ncodegen-units = 4\npanic = "abort"\nlto = "thin"\n'
      )
    ).toBe(
      '-C panic=abort -C lto=thin -C codegen-units=4 -C debuginfo=line-tables-only -C split-debuginfo=packed -C rpath -C strip=symbols'
    )
  })

  it('debug-assertions and overflow-checks only where they differ from what opt-level implies', () => {
    expect(binArgs('dev', 'opt-level = 2\noverflow-checks = false\n')).toBe(
      '-C opt-level=2 -C embed-bitcode=no -C debuginfo=2 -C debug-assertions=on -C overflow-checks=off'
    )
    expect(binArgs('release', 'overflow-checks = true\nlto = "off"\n')).toBe(
      '-C opt-level=3 -C lto=off -C embed-bitcode=no -C overflow-checks=on -C strip=debuginfo'
    )
    expect(binArgs('release', 'debug-assertions = true\nlto = false\ndebug = 1\n')).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C debuginfo=1 -C debug-assertions=on -C overflow-checks=off'
    )
    expect(binArgs('dev', 'debug-assertions = false\n')).toBe(
      '-C embed-bitcode=no -C debuginfo=2 -C debug-assertions=off -C overflow-checks=on'
    )
  })

  it('debuginfo names and lto names as rustc takes them', () => {
    expect(binArgs('dev', 'debug = "line-directives-only"\nlto = "fat"\nstrip = "none"\n')).toBe(
      '-C lto=fat -C debuginfo=line-directives-only'
    )
    expect(binArgs('dev', 'lto = true\ndebug = "limited"\n')).toBe('-C lto -C debuginfo=1')
    expect(binArgs('dev', 'lto = "no"\n')).toBe('-C lto=off -C embed-bitcode=no -C debuginfo=2')
  })

  it('libraries linked elsewhere get bitcode only under LTO', () => {
    const profiles = profilesOf('[profile.release]\nlto = true\n')
    expect(profileArgs(profiles.forUnit('release', DEPENDENCY, false), false).join(' ')).toBe(
      '-C opt-level=3 -C linker-plugin-lto -C strip=debuginfo'
    )
    expect(profileArgs(profiles.forUnit('release', MEMBER, true), { type: 'only-object' }).join(' ')).toBe(
      '-C embed-bitcode=no -C debug-assertions=off -C strip=debuginfo'
    )
  })

  it('split-debuginfo only with debuginfo, and only kinds the target supports', () => {
    expect(binArgs('release', 'split-debuginfo = "packed"\n')).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C strip=debuginfo'
    )
    const p = profilesOf('[profile.dev]\nsplit-debuginfo = "bogus"\n').forUnit('dev', MEMBER, false)
    const supported = { supportedSplitDebuginfo: ['off', 'packed', 'unpacked'] }
    expect(profileArgs(p, true, supported).join(' ')).toBe('-C embed-bitcode=no -C debuginfo=2')
  })

  it('keeps the four places of the command line apart', () => {
    const p = profilesOf('[profile.release]\nrpath = true\ndebug-assertions = true\n').forUnit(
      'release',
      MEMBER,
      false
    )
    expect(profileArgParts(p, true)).toEqual({
      codegen: ['-C', 'opt-level=3', '-C', 'embed-bitcode=no'],
      checks: ['-C', 'debug-assertions=on', '-C', 'overflow-checks=off'],
      rpath: ['-C', 'rpath'],
      strip: ['-C', 'strip=debuginfo']
    })
  })
})
