/**
 * Who requires a package and how: each dependent's version requirement, kind, rename, platform
 * and the features it asks for; and, per enabled feature, which dependents turned it on. This
 * is the details pane's "why this version, why these features".
 */
import type { GraphPackage } from '@shared/models/dependency-tree'
import type { DependencyKind } from '@shared/models/package'
import type { GraphIndex } from './graph-index'

export interface Requirement {
  readonly edge: number
  /** The dependent package. */
  readonly from: number
  readonly kind: DependencyKind
  readonly req: string
  readonly rename?: string
  readonly target?: string
  readonly optional: boolean
  readonly defaultFeatures: boolean
  /** The features it asks for by name (`default` aside: see `defaultFeatures`). */
  readonly features: readonly string[]
}

/** Everything a requirement turns on by name, `default` first when it keeps default features. */
export function requestedFeatures(r: Requirement): readonly string[] {
  return r.defaultFeatures ? ['default', ...r.features] : r.features
}

const KIND_RANK: Readonly<Record<DependencyKind, number>> = { normal: 0, build: 1, dev: 2 }

/** Every declaration that points at the package, by dependent in cargo's order, then kind. */
export function requirementsOf(index: GraphIndex, pkg: number): Requirement[] {
  const list = (index.incoming[pkg] ?? []).flatMap((e): Requirement[] => {
    const edge = index.edges[e]
    const from = edge && index.byId.get(edge.from)
    if (!edge || from === undefined) return []
    return [
      {
        edge: e,
        from,
        kind: edge.kind,
        req: edge.req,
        ...(edge.rename !== undefined && { rename: edge.rename }),
        ...(edge.target !== undefined && { target: edge.target }),
        optional: edge.optional,
        defaultFeatures: edge.defaultFeatures,
        features: edge.features
      }
    ]
  })
  return list.sort(
    (a, b) =>
      index.rank[a.from]! - index.rank[b.from]! || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.edge - b.edge
  )
}

/**
 * The features that asking for `requested` turns on in `pkg`, through its own `[features]` table
 * (`default = ["std"]` makes `default` bring `std`). `dep:x` and `x/y` entries act on other
 * packages and are skipped.
 */
export function featureClosure(pkg: GraphPackage, requested: readonly string[]): Set<string> {
  const table = pkg.declaredFeatures ?? {}
  const on = new Set<string>()
  // Asking for `default` of a package that declares none turns nothing on; with no table known, trust the request.
  const stack = requested.filter((f) => f !== 'default' || !pkg.declaredFeatures || 'default' in table)
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    if (on.has(f)) continue
    on.add(f)
    for (const entry of table[f] ?? [])
      if (!entry.startsWith('dep:') && !entry.includes('/')) stack.push(entry)
  }
  return on
}

/** One enabled feature and the dependents whose request turns it on (empty: the package's own user, e.g. the command line). */
export interface FeatureOrigin {
  readonly feature: string
  readonly from: readonly number[]
}

/** For each enabled feature of a package, which dependents turned it on. */
export function featureOrigins(index: GraphIndex, pkg: number): FeatureOrigin[] {
  const target = index.packages[pkg]
  if (!target) return []
  const byFeature = new Map<string, number[]>(target.features.map((f) => [f, []]))
  for (const r of requirementsOf(index, pkg)) {
    for (const f of featureClosure(target, requestedFeatures(r))) {
      const list = byFeature.get(f)
      if (list && !list.includes(r.from)) list.push(r.from)
    }
  }
  return [...byFeature].map(([feature, from]) => ({ feature, from }))
}
