import { describe, expect, it } from 'vitest'
import {
  applyStripRule,
  profileIdentity,
  weakenDebuginfo
} from '../../../../../src/main/engine/compiler/profile/unit-profile'
import { DEPENDENCY, MEMBER, profilesOf } from './helpers'

describe('settling a unit profile in the graph', () => {
  it('keeps the default strip only when no direct dependency has debuginfo', () => {
    const profiles = profilesOf('[profile.release.package.q]\ndebug = 1\n')
    const bin = profiles.forUnit('release', MEMBER, false)
    const q = profiles.forUnit('release', { name: 'q', isMember: false }, false)
    const other = profiles.forUnit('release', DEPENDENCY, false)
    expect(applyStripRule(bin, [other]).strip).toBe('debuginfo')
    expect(applyStripRule(bin, [other, q]).strip).toBe('none')
    expect(applyStripRule(q, []).strip).toBe('none')
    const explicit = profilesOf('[profile.release]\nstrip = "symbols"\n').forUnit('release', MEMBER, false)
    expect(applyStripRule(explicit, [q]).strip).toBe('symbols')
  })

  it('weakens a host unit’s deferred debuginfo, not one someone set', () => {
    const dev = profilesOf('').forUnit('dev', MEMBER, true)
    expect(weakenDebuginfo(dev)).toMatchObject({ debug: 'none', debuginfo: 0, debuginfoDeferred: false })
    const set = profilesOf('[profile.dev.build-override]\ndebug = 1\n').forUnit('dev', MEMBER, true)
    expect(weakenDebuginfo(set).debug).toBe('limited')
    expect(weakenDebuginfo(profilesOf('').forUnit('dev', MEMBER, false)).debug).toBe('full')
  })

  it('compares profiles without their deferred markers, as cargo shares units', () => {
    const profiles = profilesOf('')
    const host = profiles.forUnit('dev', DEPENDENCY, true)
    const target = profiles.forUnit('dev', DEPENDENCY, false)
    expect(profileIdentity(host)).toBe(profileIdentity(target))
    expect(profileIdentity(profiles.forUnit('release', DEPENDENCY, true))).not.toBe(
      profileIdentity(profiles.forUnit('release', DEPENDENCY, false))
    )
  })
})
