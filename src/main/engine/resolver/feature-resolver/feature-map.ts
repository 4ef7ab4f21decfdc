/**
 * A package's feature map as cargo builds it (`build_feature_map`): the `[features]` table plus
 * one implicit feature `x = ["dep:x"]` for every optional dependency that no feature names with
 * `dep:x`. Both the resolvers and `cargo metadata` read features through it.
 */
import type { Summary } from '../../sources/summary'
import { compareStrings } from './package-order'
import { parseFeatureValue, type FeatureValue } from './feature-value'

export type FeatureMap = ReadonlyMap<string, readonly FeatureValue[]>

/** Keys in cargo's (byte-wise sorted) order. */
export function featureMapOf(summary: Pick<Summary, 'deps' | 'features'>): FeatureMap {
  const map = new Map<string, FeatureValue[]>()
  const explicitDeps = new Set<string>()
  for (const [name, values] of Object.entries(summary.features)) {
    const parsed = values.map(parseFeatureValue)
    for (const fv of parsed) if (fv.type === 'dep') explicitDeps.add(fv.depName)
    map.set(name, parsed)
  }
  for (const dep of summary.deps) {
    if (!dep.optional || explicitDeps.has(dep.name) || map.has(dep.name)) continue
    map.set(dep.name, [{ type: 'dep', depName: dep.name }])
  }
  return new Map([...map].sort(([a], [b]) => compareStrings(a, b)))
}
