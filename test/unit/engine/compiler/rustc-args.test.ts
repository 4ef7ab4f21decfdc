import { describe, expect, it } from 'vitest'
import { resolveProfile } from '../../../../src/main/engine/compiler/profile'
import { profileArgs } from '../../../../src/main/engine/compiler/rustc-args'

const args = (name: string, decl: Record<string, unknown> = {}) =>
  profileArgs(resolveProfile(name, { [name]: decl }, '/p/Cargo.toml')).join(' ')

describe('profile flags, as cargo passes them', () => {
  it('dev: debuginfo only', () => {
    expect(args('dev')).toBe('-C embed-bitcode=no -C debuginfo=2')
  })

  it('release: optimised, debuginfo stripped', () => {
    expect(args('release')).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(resolveProfile('release', {}, '/p').strip).toBe('debuginfo')
  })

  it('passes overflow-checks only where it differs from debug-assertions', () => {
    expect(args('release', { overflowChecks: true })).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C overflow-checks=on'
    )
    expect(args('dev', { overflowChecks: false })).toBe(
      '-C embed-bitcode=no -C debuginfo=2 -C overflow-checks=off'
    )
    expect(args('dev', { debugAssertions: false })).toBe(
      '-C embed-bitcode=no -C debuginfo=2 -C debug-assertions=off -C overflow-checks=on'
    )
    expect(args('release', { debugAssertions: true })).toBe(
      '-C opt-level=3 -C embed-bitcode=no -C debug-assertions=on -C overflow-checks=off'
    )
  })

  it('maps panic, lto and codegen-units', () => {
    expect(args('release', { panic: 'abort', lto: 'thin', codegenUnits: 1 })).toBe(
      '-C opt-level=3 -C panic=abort -C lto=thin -C codegen-units=1'
    )
    expect(args('release', { lto: 'true' })).toBe('-C opt-level=3 -C lto')
  })

  it('refuses unknown profiles', () => {
    expect(() => resolveProfile('bench-ish', {}, '/p/Cargo.toml')).toThrow(/Unknown profile `bench-ish`/)
  })
})

describe('LTO where objects are linked', () => {
  const lto = (value: string, linksHere: boolean) =>
    profileArgs(resolveProfile('release', { release: { lto: value } }, '/p'), linksHere).join(' ')

  it('passes -C lto to binaries and other final artifacts only', () => {
    expect(lto('true', true)).toBe('-C opt-level=3 -C lto')
    expect(lto('thin', true)).toBe('-C opt-level=3 -C lto=thin')
    expect(lto('true', false)).toBe('-C opt-level=3')
    expect(lto('thin', false)).toBe('-C opt-level=3')
  })

  it('without LTO, nobody embeds bitcode', () => {
    expect(lto('false', false)).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(lto('off', false)).toBe('-C opt-level=3 -C embed-bitcode=no')
    expect(lto('off', true)).toBe('-C opt-level=3 -C lto=off')
  })
})
