/**
 * The environment cargo gives a build script when it runs it (`custom_build::build_work`):
 * where to write (OUT_DIR), what is being built (TARGET, PROFILE, features, the target's cfg),
 * which tools to use, and the `links` metadata of the dependencies' own scripts (DEP_*).
 * Pure: the caller gathers the facts, and layers the result over the inherited environment.
 */
import type { KeyValue } from './build-output'
import { packageEnv, type PackageEnvMeta } from './package-env'

export interface ScriptProfile {
  /** `release` for the release profile and those inheriting from it, else `debug`. */
  readonly root: 'debug' | 'release'
  readonly optLevel: string
  /** Whether the run unit's profile turns debuginfo on (any level but 0). */
  readonly debuginfo: boolean
  readonly debugAssertions: boolean
}

/** A dependency whose build script ran: its `links` name and the metadata it printed. */
export interface LinksDependency {
  readonly links: string
  readonly metadata: readonly KeyValue[]
}

export interface BuildScriptEnvInput {
  readonly package: PackageEnvMeta & { readonly links?: string }
  readonly manifestDir: string
  readonly manifestPath: string
  readonly outDir: string
  /** The triple the script's package is built for; and the machine cargo runs on. */
  readonly target: string
  readonly host: string
  /** The profile of the package's crates (not the build-override one that compiled the script). */
  readonly profile: ScriptProfile
  readonly jobs: number
  readonly cargo: string
  readonly rustc: string
  readonly rustdoc: string
  /** `target.<triple>.linker` when configured. */
  readonly linker?: string
  readonly rustcWrapper?: string
  /** Only for workspace members, as cargo does. */
  readonly rustcWorkspaceWrapper?: string
  /** The package's enabled features. */
  readonly features: readonly string[]
  /** `rustc --print cfg` for the target with the unit's RUSTFLAGS: name → values ([] without value). */
  readonly cfg: ReadonlyMap<string, readonly string[]>
  readonly rustflags: readonly string[]
  /** Direct dependencies with a `links` key whose build scripts ran, in dependency order. */
  readonly linksDependencies: readonly LinksDependency[]
}

export interface BuildScriptEnv {
  /** Variables to set. */
  readonly vars: Readonly<Record<string, string>>
  /** Inherited variables cargo removes (their content is carried in CARGO_ENCODED_RUSTFLAGS etc.). */
  readonly unset: readonly string[]
}

/** cargo's `envify`: `foo-bar` → `FOO_BAR`, for feature, cfg and links names. */
export function envify(name: string): string {
  return name.toUpperCase().replaceAll('-', '_')
}

/** Everything cargo sets for one build-script run, with the same names and values. */
export function buildScriptEnv(input: BuildScriptEnvInput): BuildScriptEnv {
  const vars: Record<string, string> = {
    ...packageEnv(input.package, input.manifestDir, input.manifestPath),
    CARGO: input.cargo,
    OUT_DIR: input.outDir,
    NUM_JOBS: String(input.jobs),
    TARGET: input.target,
    DEBUG: String(input.profile.debuginfo),
    OPT_LEVEL: input.profile.optLevel,
    PROFILE: input.profile.root,
    HOST: input.host,
    RUSTC: input.rustc,
    RUSTDOC: input.rustdoc,
    CARGO_ENCODED_RUSTFLAGS: input.rustflags.join('\x1f')
  }
  if (input.linker !== undefined) vars.RUSTC_LINKER = input.linker
  if (input.package.links !== undefined) vars.CARGO_MANIFEST_LINKS = input.package.links
  const features = [...input.features].sort(byCodeUnit)
  for (const f of features) vars[`CARGO_FEATURE_${envify(f)}`] = '1'
  for (const [name, values] of cfgEnv(input, features)) vars[`CARGO_CFG_${envify(name)}`] = values.join(',')
  const unset = ['RUSTFLAGS']
  if (input.rustcWrapper !== undefined) vars.RUSTC_WRAPPER = input.rustcWrapper
  else unset.push('RUSTC_WRAPPER')
  if (input.rustcWorkspaceWrapper !== undefined) vars.RUSTC_WORKSPACE_WRAPPER = input.rustcWorkspaceWrapper
  else unset.push('RUSTC_WORKSPACE_WRAPPER')
  for (const dep of input.linksDependencies) {
    for (const { key, value } of dep.metadata) vars[`DEP_${envify(dep.links)}_${envify(key)}`] = value
  }
  return { vars, unset }
}

/**
 * CARGO_CFG_* as cargo 1.95 builds them: `feature` from the enabled features, and
 * `debug_assertions` from the profile rather than from rustc (which always prints it).
 * A name printed without a value resets the list, as in cargo's map.
 */
function cfgEnv(input: BuildScriptEnvInput, features: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>([['feature', [...features]]])
  if (input.profile.debugAssertions) map.set('debug_assertions', [])
  for (const [name, values] of input.cfg) {
    if (values.length === 0) {
      if (name !== 'debug_assertions') map.set(name, [])
    } else {
      const list = map.get(name) ?? []
      list.push(...values)
      map.set(name, list)
    }
  }
  return map
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
