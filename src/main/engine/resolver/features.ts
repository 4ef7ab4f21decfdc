/**
 * A command's feature flags, and the feature names a package declares (its `[features]` plus
 * the implicit feature of each optional dependency not named with `dep:`), which `--check-cfg`
 * tells rustc about. Which features are enabled is the feature resolver's job
 * (`feature-resolver/`, cargo's resolver 2).
 */
import type { Package } from '../manifest/model'

export interface FeatureRequest {
  readonly features: readonly string[]
  readonly allFeatures: boolean
  readonly noDefaultFeatures: boolean
}

/** Optional dependencies that get a feature of their own name (no `dep:` reference to them). */
export function implicitFeatures(pkg: Package): string[] {
  const values = Object.values(pkg.manifest.features).flat()
  return pkg.manifest.dependencies
    .filter((d) => d.optional && !values.includes(`dep:${d.name}`))
    .map((d) => d.name)
    .filter((n, i, all) => all.indexOf(n) === i && !Object.hasOwn(pkg.manifest.features, n))
}

/** Every feature name `--check-cfg` should accept for a package. */
export function declaredFeatures(pkg: Package): string[] {
  return [...new Set([...Object.keys(pkg.manifest.features), ...implicitFeatures(pkg)])].sort()
}
