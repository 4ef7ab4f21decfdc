/**
 * Layers onto a `Profile`: cargo's `merge_profile` (one table's settings replace the profile's)
 * and `merge_toml_overrides` (then `build-override` for host units, `package."*"` for packages
 * outside the workspace, and the one `package."spec"` naming the package).
 */
import { EngineError } from '../../errors'
import { describeDefinition, locationOf } from '../../config/config-value'
import type { PackageId } from '../../resolver/resolve/resolve-types'
import { specMatches, type PackageIdSpec } from '../../tree/package-id-spec'
import type { PackageOverride, ProfileLayer } from './profile-layer'
import { debugAmount, type Profile } from './profile-model'

/** The package a unit belongs to, as profile overrides see it. */
export interface ProfilePackage {
  readonly name: string
  /** A workspace member: `package."*"` does not apply to it. */
  readonly isMember: boolean
  /** A path package, the only kind cargo compiles incrementally; defaults to `isMember`. */
  readonly isLocal?: boolean
  /** The full ID: needed for specs naming a version or source (`serde@1.0`); without it only bare names match. */
  readonly id?: PackageId
}

/** cargo's `is_off`: the strings that mean "no LTO at all" (`-C lto=off`). */
const LTO_OFF: ReadonlySet<string> = new Set(['off', 'n', 'no', 'none'])

/** `ProfileLayer` settings → the profile (cargo's `merge_profile`). */
export function applyLayer(p: Profile, l: ProfileLayer): Profile {
  const out: { -readonly [K in keyof Profile]: Profile[K] } = { ...p }
  if (l.optLevel) out.optLevel = l.optLevel.value
  if (l.lto) {
    const v = l.lto.value
    out.lto = typeof v === 'boolean' ? String(v) : LTO_OFF.has(v) ? 'off' : v
  }
  if (l.codegenUnits) out.codegenUnits = l.codegenUnits.value
  if (l.debug) {
    out.debug = l.debug.value
    out.debuginfo = debugAmount(l.debug.value)
    out.debuginfoDeferred = false
  }
  if (l.debugAssertions) out.debugAssertions = l.debugAssertions.value
  if (l.splitDebuginfo) out.splitDebuginfo = l.splitDebuginfo.value
  if (l.rpath) out.rpath = l.rpath.value
  // Validation let only these two through.
  if (l.panic) out.panic = l.panic.value === 'abort' ? 'abort' : 'unwind'
  if (l.overflowChecks) out.overflowChecks = l.overflowChecks.value
  if (l.incremental) out.incremental = l.incremental.value
  if (l.strip) {
    const v = l.strip.value
    out.strip = v === true ? 'symbols' : v === false ? 'none' : v
    out.stripDeferred = false
  }
  return out
}

function specNames(spec: PackageIdSpec, pkg: ProfilePackage): boolean {
  if (spec.name !== pkg.name) return false
  if (spec.version === undefined && spec.url === undefined && spec.kind === undefined) return true
  return pkg.id !== undefined && specMatches(spec, pkg.id)
}

function describePackage(pkg: ProfilePackage): string {
  return pkg.id ? `${pkg.id.name} v${pkg.id.version}` : pkg.name
}

/** The `package."spec"` override naming `pkg`; two naming it is cargo's error. */
export function namedOverride(
  layer: ProfileLayer,
  profile: string,
  pkg: ProfilePackage
): PackageOverride | undefined {
  const found: [string, PackageOverride][] = []
  for (const [key, o] of layer.package ?? [])
    if (o.spec !== '*' && specNames(o.spec, pkg)) found.push([key, o])
  if (found.length > 1) {
    const second = found[1]![1].layer.def
    throw new EngineError(
      'invalid-input',
      `multiple package overrides in profile \`${profile}\` match package \`${describePackage(pkg)}\` (${describeDefinition(second)}); found package specs: ${found.map(([k]) => k).join(', ')}`,
      { ...locationOf(second), hint: 'Keep one `[profile.…package."…"]` table per package.' }
    )
  }
  return found[0]?.[1]
}

/** `build-override` (host units), then `package."*"` (non-members), then the named package. */
export function applyOverrides(
  p: Profile,
  layer: ProfileLayer,
  profile: string,
  pkg: ProfilePackage | undefined,
  forHost: boolean
): Profile {
  let out = p
  if (forHost && layer.buildOverride) out = applyLayer(out, layer.buildOverride)
  if (!pkg) return out
  const all = layer.package?.get('*')
  if (all && !pkg.isMember) out = applyLayer(out, all.layer)
  const named = namedOverride(layer, profile, pkg)
  return named ? applyLayer(out, named.layer) : out
}
