/**
 * What a build can check of its request before resolving, as cargo does before it touches
 * Cargo.lock: the features asked for exist on the package, the profile is defined, the named
 * targets exist, and the configuration's build settings parse. A mistake fails the command
 * and leaves no lock file written.
 */
import { existsSync } from 'node:fs'
import type { CargoConfig } from '../../config/cargo-config'
import { EngineError } from '../../errors'
import type { Package, Target } from '../../manifest/model'
import { declaredFeatures, type FeatureRequest } from '../../resolver/features'
import type { RustcInfo } from '../../tools/rustc'
import { buildSettings, type BuildSettings } from '../build-settings'
import { loadManifestProfiles, resolveProfiles, type ManifestProfiles, type Profiles } from '../profile'
import { requestedTarget } from './requested-target'
import { selectionFor, selectTargets, type TargetSelection } from './target-selection'

export interface BuildRequestCheck {
  readonly features: FeatureRequest
  readonly profile: string
  readonly selection: TargetSelection
  readonly rustc: RustcInfo
  readonly env: Readonly<Record<string, string | undefined>>
  /** `--target`: overrides `build.target`. */
  readonly target?: string
}

/** With several packages selected, a flag must mean something to one of them (resolver 2's rule). */
function checkFeaturesOfMany(packages: readonly Package[], request: FeatureRequest): void {
  const missing = request.features.filter((asked) => {
    const slash = asked.indexOf('/')
    const owner =
      slash < 0 ? undefined : packages.find((p) => p.manifest.package.name === asked.slice(0, slash))
    if (owner) return !declaredFeatures(owner).includes(asked.slice(slash + 1))
    return !packages.some((p) =>
      slash < 0
        ? declaredFeatures(p).includes(asked)
        : p.manifest.dependencies.some((d) => d.name === asked.slice(0, slash).replace(/\?$/, ''))
    )
  })
  if (missing.length > 0)
    throw new EngineError(
      'invalid-input',
      `none of the selected packages contains these features: ${missing.join(', ')}`,
      { hint: 'Name a feature one of the selected packages declares, or select its package with `-p`.' }
    )
}

/** cargo's own words for a feature the package lacks (`CliFeatures` validation). */
function checkFeatures(root: Package, request: FeatureRequest): void {
  const known = new Set(declaredFeatures(root))
  const deps = new Set(root.manifest.dependencies.map((d) => d.name))
  const own = `${root.manifest.package.name}/`
  for (const asked of request.features) {
    // `--features victim/foo` names the package's own feature.
    const f = asked.startsWith(own) ? asked.slice(own.length) : asked
    const slash = f.indexOf('/')
    const ok = slash < 0 ? known.has(f) : deps.has(f.slice(0, slash).replace(/\?$/, ''))
    if (!ok)
      throw new EngineError(
        'invalid-input',
        `the package '${root.manifest.package.name}' does not contain this feature: ${asked}`,
        {
          hint: known.size
            ? `Its features: ${[...known].join(', ')}.`
            : 'The package declares no features; add them under [features].'
        }
      )
  }
}

/** What the checks read and worked out, which the build goes on to use rather than redo. */
export interface CheckedRequest {
  readonly manifestProfiles: ManifestProfiles
  readonly profiles: Profiles
  readonly settings: BuildSettings
}

/**
 * `packages` are the selected members (none when `-p` names only dependencies); profiles come
 * from the workspace root's manifest, `rootManifest`.
 */
export async function checkBuildRequest(
  packages: readonly Package[],
  rootManifest: string,
  config: CargoConfig,
  r: BuildRequestCheck
): Promise<CheckedRequest> {
  if (packages.length === 1) checkFeatures(packages[0]!, r.features)
  else if (packages.length > 1) checkFeaturesOfMany(packages, r.features)
  const manifestProfiles = await loadManifestProfiles(rootManifest)
  const profiles = resolveProfiles({
    manifestProfiles: manifestProfiles.profiles,
    manifestPath: rootManifest,
    config,
    requested: r.profile
  })
  checkTargets(packages, r.selection)
  const target = await requestedTarget(config, r.target, r.rustc, r.env)
  return { manifestProfiles, profiles, settings: buildSettings(config, r.rustc, r.env, target) }
}

/** Named targets exist (in one of the packages, when there are several) and declared files are there. */
function checkTargets(packages: readonly Package[], selection: TargetSelection): void {
  for (const pkg of packages) {
    // Only the names: which required features end up on is known after resolving.
    const everyRequired = pkg.targets.flatMap((t) => t.requiredFeatures)
    const selected = selectTargets(pkg, selectionFor(pkg, selection, packages), everyRequired).map(
      (s) => s.target
    )
    const lib = pkg.targets.find((t) => t.kind === 'lib')
    // A target with required features may be left out once features are known; cargo skips it then.
    for (const t of lib ? [lib, ...selected] : selected)
      if (t.requiredFeatures.length === 0) checkSource(pkg, t)
  }
}

/** A declared target whose file is missing fails here, in cargo's words, before rustc would. */
function checkSource(root: Package, t: Target): void {
  if (existsSync(t.srcPath)) return
  throw new EngineError('not-found', `can't find ${t.kind} \`${t.name}\` at path \`${t.srcPath}\``, {
    file: root.manifest.path,
    hint: `Create ${t.srcPath}, or fix the target's \`path\` in Cargo.toml.`
  })
}
