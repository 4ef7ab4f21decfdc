/**
 * Which profile a unit uses: the command's profile for what runs on the target, `test` (or
 * `bench`) settings for harnesses, and cargo's build-override defaults for host units (build
 * scripts, proc-macros and their dependencies): no optimisation and no debuginfo, because
 * they run once at build time and compile faster that way.
 */
import type { Profile } from '../profile'
import type { ProfileChooser } from '../unit-graph'

export function profileChooser(base: Profile): ProfileChooser {
  const host: Profile = { ...base, optLevel: '0', debuginfo: 0, strip: 'none', codegenUnits: undefined }
  const test: Profile =
    base.name === 'dev'
      ? { ...base, name: 'test' }
      : base.name === 'release'
        ? { ...base, name: 'bench' }
        : base
  return (_pkg, _isMember, forHost, isTest) => (forHost ? host : isTest ? test : base)
}
