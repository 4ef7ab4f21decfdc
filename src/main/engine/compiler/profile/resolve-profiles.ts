/**
 * Profiles as cargo 1.95 computes them (`core/profiles.rs`): the root manifest's `[profile.*]`
 * with the configuration's `profile.*` merged over it key by key, the built-in `dev` and
 * `release` roots, `test` (inherits dev) and `bench` (inherits release), custom profiles through
 * their `inherits` chain, and `forUnit`, which adds what depends on the unit: host units' fast
 * settings and `build-override`, package overrides, panic for tests, incremental rules.
 */
import type { ErrorCode } from '@shared/ipc/result'
import type { CargoConfig } from '../../config/cargo-config'
import { locationOf, type Definition } from '../../config/config-value'
import { EngineError } from '../../errors'
import type { PackageId } from '../../resolver/resolve/resolve-types'
import { specMatches } from '../../tree/package-id-spec'
import { applyLayer, applyOverrides, namedOverride, type ProfilePackage } from './apply-layer'
import { configProfile } from './config-profiles'
import { BUILT_IN_DEF, buildMakers, type Maker } from './profile-chain'
import { mergeLayers, type ProfileLayer, type ProfileTables, type ProfileWarning } from './profile-layer'
import type { Profile } from './profile-model'
import { checkRequestedProfileName } from './profile-names'

export interface ResolveProfilesInput {
  /** The root manifest's profiles (`readManifestProfiles` and friends); dependencies' are ignored. */
  readonly manifestProfiles: ProfileTables
  readonly manifestPath: string
  /** `.cargo/config.toml` and the `CARGO_PROFILE_*` / `CARGO_INCREMENTAL` environment. */
  readonly config?: CargoConfig
  /** The profile the command asked for: a profile only the configuration defines is found through it. */
  readonly requested?: string
}

/** What else about a unit changes its profile. */
export interface UnitProfileOptions {
  /** Test and bench harnesses and what they link: always `panic = "unwind"`. */
  readonly alwaysUnwind?: boolean
  /** The triple the unit is built for: `-apple-` targets default `split-debuginfo` to `unpacked`. */
  readonly target?: string
}

const BUILT_IN_DIRS: Readonly<Record<string, string>> = {
  dev: 'debug',
  test: 'debug',
  release: 'release',
  bench: 'release'
}
const PREDEFINED: readonly (readonly [string, string])[] = [
  ['test', 'dev'],
  ['bench', 'release'],
  ['doc', 'dev']
]

/** The profiles of one build. */
export class Profiles {
  constructor(
    private readonly makers: ReadonlyMap<string, Maker>,
    /** `CARGO_INCREMENTAL` / `build.incremental`, when set. */
    private readonly incremental: boolean | undefined,
    private readonly manifestProfiles: ProfileTables,
    readonly warnings: readonly ProfileWarning[]
  ) {}

  /** Every profile a build may name. */
  get names(): readonly string[] {
    return [...this.makers.keys()].sort()
  }

  has(name: string): boolean {
    return this.makers.has(name)
  }

  /** The directory under target/ (cargo's `get_dir_name`). */
  dirName(name: string): string {
    return BUILT_IN_DIRS[name] ?? name
  }

  private maker(name: string): Maker {
    const m = this.makers.get(name)
    if (!m)
      throw new EngineError(
        'invalid-input',
        `Unknown profile \`${name}\`: profile \`${name}\` is not defined.`,
        {
          hint: `Use dev, release, test or bench, or add \`[profile.${name}]\` with \`inherits = "dev"\` or \`"release"\` to Cargo.toml.`
        }
      )
    return m
  }

  private start(name: string, forHost: boolean): Profile {
    const m = this.maker(name)
    const p = applyLayer({ ...m.defaults, name, dirName: this.dirName(name) }, m.layer)
    // Build scripts, proc-macros and their dependencies compile fast: cargo drops optimisation and the
    // codegen-unit limit, and defers debuginfo so it can leave it out when nothing shares the unit.
    return forHost ? { ...p, optLevel: '0', codegenUnits: undefined, debuginfoDeferred: true } : p
  }

  /**
   * The profile of one unit: `name` is the profile the unit uses (`test`/`bench` for harnesses),
   * `forHost` whether it runs on the build machine (build scripts, proc-macros and their
   * dependencies). Package overrides apply by name, `"*"` only to packages outside the workspace.
   */
  forUnit(name: string, pkg: ProfilePackage, forHost: boolean, options: UnitProfileOptions = {}): Profile {
    const m = this.maker(name)
    let p = applyOverrides(this.start(name, forHost), m.layer, name, pkg, forHost)
    if (forHost || options.alwaysUnwind) p = { ...p, panic: 'unwind' }
    if (p.debug !== 'none' && p.splitDebuginfo === undefined && options.target?.includes('-apple-'))
      p = { ...p, splitDebuginfo: 'unpacked' }
    if (this.incremental !== undefined) p = { ...p, incremental: this.incremental }
    // Incremental caches pay off for code being edited: cargo keeps them to path packages.
    if (!(pkg.isLocal ?? pkg.isMember)) p = { ...p, incremental: false }
    return withStripDefault(p)
  }

  /** The profile as cargo's Finished line describes it (no package, not for the host). */
  base(name: string): Profile {
    return withStripDefault(
      applyOverrides(this.start(name, false), this.maker(name).layer, name, undefined, false)
    )
  }

  /**
   * cargo's `validate_packages`: two overrides naming one package is an error; a Cargo.toml
   * override naming no package of the build is a warning.
   */
  validatePackages(ids: readonly PackageId[]): ProfileWarning[] {
    for (const [name, m] of this.makers)
      for (const id of ids) namedOverride(m.layer, name, { name: id.name, id, isMember: true })
    const warnings: ProfileWarning[] = []
    for (const [name, layer] of this.manifestProfiles)
      for (const [key, o] of layer.package ?? []) {
        const spec = o.spec
        if (spec === '*' || ids.some((id) => specMatches(spec, id))) continue
        warnings.push({
          message: `profile package spec \`${key}\` in profile \`${name}\` did not match any packages`,
          ...locationOf(o.layer.def)
        })
      }
    return warnings
  }
}

/** Without `strip` set, a unit without debuginfo strips the debuginfo the standard library brings. */
function withStripDefault(p: Profile): Profile {
  return p.stripDeferred ? { ...p, strip: p.debug === 'none' ? 'debuginfo' : 'none' } : p
}

/** Reads the profiles of a build; every error cargo reports for them is raised here. */
export function resolveProfiles(input: ResolveProfilesInput): Profiles {
  const { config, requested } = input
  if (requested !== undefined) checkRequestedProfileName(requested)
  const warnings: ProfileWarning[] = []
  const layers = new Map(input.manifestProfiles)
  if (config)
    for (const [name, layer] of layers) {
      const fromConfig = configProfile(config, name, warnings)
      if (fromConfig) layers.set(name, mergeLayers(layer, fromConfig))
    }
  // Profiles only the configuration defines are looked up by name, as cargo does: the requested
  // one, the built-in ones and whatever those inherit from.
  let wanted = new Set(['dev', 'release', 'test', 'bench', ...(requested === undefined ? [] : [requested])])
  for (const l of layers.values()) if (l.inherits) wanted.add(l.inherits.value)
  while (config && wanted.size) {
    const next = new Set<string>()
    for (const name of wanted) {
      if (layers.has(name)) continue
      const fromConfig = configProfile(config, name, warnings)
      if (!fromConfig) continue
      layers.set(name, fromConfig)
      if (fromConfig.inherits) next.add(fromConfig.inherits.value)
    }
    wanted = next
  }
  for (const [name, parent] of PREDEFINED) {
    const predefined: ProfileLayer = { def: BUILT_IN_DEF, inherits: { value: parent, def: BUILT_IN_DEF } }
    const user = layers.get(name)
    layers.set(name, user ? mergeLayers(predefined, user) : predefined)
  }
  const codeOf = (def: Definition): ErrorCode =>
    def.type === 'file' && def.file === input.manifestPath ? 'manifest-invalid' : 'invalid-input'
  const makers = buildMakers(layers, codeOf)
  if (requested !== undefined && !makers.has(requested))
    throw new EngineError('invalid-input', `profile \`${requested}\` is not defined`, {
      hint: `Add \`[profile.${requested}]\` with \`inherits = "dev"\` or \`"release"\` to Cargo.toml, or use an existing profile.`
    })
  return new Profiles(makers, incrementalOverride(config), input.manifestProfiles, warnings)
}

/** `CARGO_INCREMENTAL` (only `1` means on) wins over `build.incremental`. */
function incrementalOverride(config: CargoConfig | undefined): boolean | undefined {
  if (!config) return undefined
  const env = config.env.CARGO_INCREMENTAL
  if (env !== undefined) return env === '1'
  return config.bool(['build', 'incremental'])?.value
}
