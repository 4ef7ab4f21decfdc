/**
 * The parts of a unit's profile cargo settles only once the unit graph exists
 * (`rebuild_unit_graph_shared`): whether the default strip applies given the unit's direct
 * dependencies, and whether a host unit's deferred debuginfo can be dropped because no unit for
 * the target shares it. Also the identity cargo compares profiles by when it shares units.
 */
import type { Profile } from './profile-model'

/**
 * cargo's default strip with the dependencies known: when `strip` was not set, debuginfo is
 * stripped only if neither the unit nor any of its direct dependencies has debuginfo. Call it
 * after the dependencies' debuginfo is final and before weakening the unit's own.
 */
export function applyStripRule(p: Profile, deps: readonly Profile[]): Profile {
  if (!p.stripDeferred) return p
  const strip = p.debug === 'none' && deps.every((d) => d.debug === 'none') ? 'debuginfo' : 'none'
  return strip === p.strip ? p : { ...p, strip }
}

/**
 * A host unit no target unit shares (same package, target, features and `profileIdentity`):
 * cargo builds it without debuginfo, unless someone set `debug` for it. Only when no `--target`
 * was given; with one, host units keep their level.
 */
export function weakenDebuginfo(p: Profile): Profile {
  if (!p.debuginfoDeferred) return p
  return { ...p, debug: 'none', debuginfo: 0, debuginfoDeferred: false }
}

/**
 * What makes two profiles the same for sharing a unit: every setting, but not whether debuginfo
 * or strip are still deferred (cargo compares those by value only).
 */
export function profileIdentity(p: Profile): string {
  const { debuginfoDeferred: _d, stripDeferred: _s, ...settings } = p
  const defined = Object.entries(settings).filter(([, v]) => v !== undefined)
  return JSON.stringify(defined.sort(([a], [b]) => (a < b ? -1 : 1)))
}
