/**
 * Build profiles, the way into `profile/`: cargo's built-in profiles, the root manifest's and
 * the configuration's `[profile.*]`, custom profiles with `inherits`, per-unit overrides and the
 * rustc flags they turn into.
 */

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
