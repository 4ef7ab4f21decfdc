/**
 * Build profiles, the way into `profile/`: cargo's built-in profiles, the root manifest's and
 * the configuration's `[profile.*]`, custom profiles with `inherits`, per-unit overrides and the
 * rustc flags they turn into. `resolveProfile` is the earlier one-call form, kept for its callers.
 */
import type { ProfileDecl } from '../manifest/model'
import { manifestProfilesFromDecls } from './profile/manifest-profiles'
import type { Profile } from './profile/profile-model'
import { resolveProfiles } from './profile/resolve-profiles'

export { applyLayer, applyOverrides, type ProfilePackage } from './profile/apply-layer'
export { configProfile } from './profile/config-profiles'
export {
  loadManifestProfiles,
  manifestProfilesFromDecls,
  manifestProfilesFromText,
  readManifestProfiles,
  type ManifestProfiles
} from './profile/manifest-profiles'
export {
  profileArgParts,
  profileArgs,
  type ProfileArgOptions,
  type ProfileArgParts
} from './profile/profile-args'
export {
  mergeLayers,
  type ProfileLayer,
  type ProfileTables,
  type ProfileWarning,
  type Setting
} from './profile/profile-layer'
export {
  debugAmount,
  DEV_DEFAULTS,
  hasDebuginfo,
  isOptimized,
  RELEASE_DEFAULTS,
  type DebugSetting,
  type Profile
} from './profile/profile-model'
export { checkRequestedProfileName, profileNameProblem } from './profile/profile-names'
export {
  Profiles,
  resolveProfiles,
  type ResolveProfilesInput,
  type UnitProfileOptions
} from './profile/resolve-profiles'
export { applyStripRule, profileIdentity, weakenDebuginfo } from './profile/unit-profile'
export { computeUnitLto, ltoArgs, type LtoUnitInfo, type UnitLto } from './profile/unit-lto'

/**
 * The profile `name` for the root package's own (non-host) units, from the manifest's profiles
 * alone. Prefer `resolveProfiles`, which also reads the configuration and serves every unit.
 */
export function resolveProfile(
  name: string,
  declared: Readonly<Record<string, ProfileDecl>>,
  file: string
): Profile {
  const profiles = resolveProfiles({
    manifestProfiles: manifestProfilesFromDecls(declared, file),
    manifestPath: file
  })
  return profiles.forUnit(name, { name: '', isMember: true, isLocal: true }, false)
}
