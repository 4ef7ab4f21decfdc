/**
 * One `[profile.NAME]` table as written (cargo's `TomlProfile`), from Cargo.toml or from the
 * configuration, each setting remembering where it was defined so errors can point at it.
 * Layers are merged key by key (`mergeLayers`), which is how cargo applies the configuration
 * over the manifest and walks an `inherits` chain.
 */
import type { Definition } from '../../config/config-value'
import type { PackageIdSpec } from '../../tree/package-id-spec'
import type { DebugSetting } from './profile-model'

export interface Setting<T> {
  readonly value: T
  readonly def: Definition
}

/** `[profile.X.package."spec"]`: `*` for every non-member, or a package ID specification. */
export interface PackageOverride {
  readonly spec: PackageIdSpec | '*'
  readonly layer: ProfileLayer
}

export interface ProfileLayer {
  /** Where the table itself is: for messages about the profile as a whole. */
  readonly def: Definition
  readonly optLevel?: Setting<string>
  /** A boolean, or the string as written (`"thin"`, `"fat"`, `"off"`, …). */
  readonly lto?: Setting<boolean | string>
  readonly codegenUnits?: Setting<number>
  readonly debug?: Setting<DebugSetting>
  readonly splitDebuginfo?: Setting<string>
  readonly debugAssertions?: Setting<boolean>
  readonly rpath?: Setting<boolean>
  /** As written; validation allows only `unwind` and `abort` on stable cargo. */
  readonly panic?: Setting<string>
  readonly overflowChecks?: Setting<boolean>
  readonly incremental?: Setting<boolean>
  readonly inherits?: Setting<string>
  readonly dirName?: Setting<string>
  /** A boolean, or the string as written (`"none"`, `"debuginfo"`, `"symbols"`). */
  readonly strip?: Setting<boolean | string>
  /** Keys only a nightly cargo accepts (`rustflags`, `trim-paths`, `codegen-backend`): kept to refuse them. */
  readonly unstable?: ReadonlyMap<string, Definition>
  /** `hint-mostly-unused`: cargo warns and ignores it without `-Z`. */
  readonly hintMostlyUnused?: Setting<boolean>
  /** Keyed as written in the table (`"*"`, `"serde"`, `"serde@1.0.200"`). */
  readonly package?: ReadonlyMap<string, PackageOverride>
  readonly buildOverride?: ProfileLayer
}

const SCALAR_KEYS = [
  'optLevel',
  'lto',
  'codegenUnits',
  'debug',
  'splitDebuginfo',
  'debugAssertions',
  'rpath',
  'panic',
  'overflowChecks',
  'incremental',
  'inherits',
  'dirName',
  'strip',
  'hintMostlyUnused'
] as const

/**
 * `over` applied to `base` (cargo's `TomlProfile::merge`): every setting `over` has replaces
 * `base`'s; package overrides merge per spec and `build-override` tables merge recursively.
 */
export function mergeLayers(base: ProfileLayer, over: ProfileLayer): ProfileLayer {
  const out: Record<string, unknown> = { ...base }
  for (const key of SCALAR_KEYS) if (over[key] !== undefined) out[key] = over[key]
  if (over.unstable) out.unstable = new Map([...(base.unstable ?? []), ...over.unstable])
  if (over.package) {
    const merged = new Map(base.package ?? [])
    for (const [key, o] of over.package) {
      const existing = merged.get(key)
      merged.set(key, existing ? { spec: o.spec, layer: mergeLayers(existing.layer, o.layer) } : o)
    }
    out.package = merged
  }
  if (over.buildOverride)
    out.buildOverride = base.buildOverride
      ? mergeLayers(base.buildOverride, over.buildOverride)
      : over.buildOverride
  return out as unknown as ProfileLayer
}

/** A `warning:` about a profile; from the environment it has no file. */
export interface ProfileWarning {
  readonly message: string
  readonly file?: string
  readonly line?: number
}

/** The root manifest's (or any reader's) profiles by name. */
export type ProfileTables = ReadonlyMap<string, ProfileLayer>
