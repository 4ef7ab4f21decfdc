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
import { selectTargets, type TargetSelection } from './target-selection'

export interface BuildRequestCheck {
  readonly features: FeatureRequest
  readonly profile: string
  readonly selection: TargetSelection
  readonly rustc: RustcInfo
  readonly env: Readonly<Record<string, string | undefined>>
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

export async function checkBuildRequest(
  root: Package,
  config: CargoConfig,
  r: BuildRequestCheck
): Promise<CheckedRequest> {
  checkFeatures(root, r.features)
  const manifestProfiles = await loadManifestProfiles(root.manifest.path)
  const profiles = resolveProfiles({
    manifestProfiles: manifestProfiles.profiles,
    manifestPath: root.manifest.path,
    config,
    requested: r.profile
  })
  // Only the names: which required features end up on is known after resolving.
  const everyRequired = root.targets.flatMap((t) => t.requiredFeatures)
  const selected = selectTargets(root, r.selection, everyRequired).map((s) => s.target)
  const lib = root.targets.find((t) => t.kind === 'lib')
  // A target with required features may be left out once features are known; cargo skips it then.
  for (const t of lib ? [lib, ...selected] : selected)
    if (t.requiredFeatures.length === 0) checkSource(root, t)
  return { manifestProfiles, profiles, settings: buildSettings(config, r.rustc, r.env) }
}

/** A declared target whose file is missing fails here, in cargo's words, before rustc would. */
function checkSource(root: Package, t: Target): void {
  if (existsSync(t.srcPath)) return
  throw new EngineError('not-found', `can't find ${t.kind} \`${t.name}\` at path \`${t.srcPath}\``, {
    file: root.manifest.path,
    hint: `Create ${t.srcPath}, or fix the target's \`path\` in Cargo.toml.`
  })
}
