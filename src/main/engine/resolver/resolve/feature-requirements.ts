/**
 * Which of a package's dependencies the dependency resolver activates, and with which features.
 * This is cargo's coarse pass (`dep_cache.rs`), not the build's feature resolver: weak `x?/f`
 * features activate `x` here too, and platform-specific dependencies all count. Workspace
 * members get every feature (cargo resolves the lock file with `--all-features`).
 */
import type { Summary } from '../../sources/summary'
import { isTransitive, type Dep } from './dependency'

export type FeatureValue =
  | { readonly type: 'feature'; readonly name: string }
  | { readonly type: 'dep'; readonly dep: string }
  | { readonly type: 'dep-feature'; readonly dep: string; readonly feature: string; readonly weak: boolean }

function parseValue(text: string): FeatureValue {
  if (text.startsWith('dep:')) return { type: 'dep', dep: text.slice(4) }
  const slash = text.indexOf('/')
  if (slash < 0) return { type: 'feature', name: text }
  const left = text.slice(0, slash)
  const feature = text.slice(slash + 1)
  return left.endsWith('?')
    ? { type: 'dep-feature', dep: left.slice(0, -1), feature, weak: true }
    : { type: 'dep-feature', dep: left, feature, weak: false }
}

const maps = new WeakMap<Summary, ReadonlyMap<string, readonly FeatureValue[]>>()

/**
 * The summary's features plus cargo's implicit ones: an optional dependency that no feature
 * names as `dep:x` gets a feature `x = ["dep:x"]`.
 */
export function featureMap(
  summary: Summary,
  deps: readonly Dep[]
): ReadonlyMap<string, readonly FeatureValue[]> {
  let map = maps.get(summary)
  if (map) return map
  const out = new Map<string, readonly FeatureValue[]>()
  const explicitDeps = new Set<string>()
  for (const [name, values] of Object.entries(summary.features)) {
    const parsed = values.map(parseValue)
    for (const v of parsed) if (v.type === 'dep') explicitDeps.add(v.dep)
    out.set(name, parsed)
  }
  for (const dep of deps)
    if (dep.optional && !explicitDeps.has(dep.name) && !out.has(dep.name))
      out.set(dep.name, [{ type: 'dep', dep: dep.name }])
  map = out
  maps.set(summary, map)
  return map
}

/** What the dependency resolver was asked to enable on a package. */
export type FeatureRequest =
  | { readonly type: 'all' }
  | { readonly type: 'dep'; readonly features: readonly string[]; readonly defaultFeatures: boolean }

export type RequirementProblem =
  | { readonly type: 'missing-feature'; readonly feature: string }
  | { readonly type: 'missing-dependency'; readonly dep: string }
  | { readonly type: 'feature-cycle'; readonly feature: string }

export interface ActiveDep {
  readonly dep: Dep
  /** Features to request on the dependency, sorted. */
  readonly features: readonly string[]
}

export type RequirementsResult =
  | { readonly ok: true; readonly used: ReadonlySet<string>; readonly deps: readonly ActiveDep[] }
  | { readonly ok: false; readonly problem: RequirementProblem }

/** Unwinds the recursive feature walk at the first problem; caught in `requirementsOf`. */
class Problem extends Error {
  constructor(readonly problem: RequirementProblem) {
    super(problem.type)
  }
}

class Requirements {
  readonly features = new Set<string>()
  readonly deps = new Map<string, Set<string>>()

  constructor(
    private readonly map: ReadonlyMap<string, readonly FeatureValue[]>,
    private readonly allDeps: readonly Dep[]
  ) {}

  requireFeature(name: string): void {
    if (this.features.has(name)) return
    this.features.add(name)
    const values = this.map.get(name)
    if (!values) throw new Problem({ type: 'missing-feature', feature: name })
    for (const v of values) {
      if (v.type === 'feature' && v.name === name) throw new Problem({ type: 'feature-cycle', feature: name })
      this.requireValue(v)
    }
  }

  requireValue(v: FeatureValue): void {
    switch (v.type) {
      case 'feature':
        return this.requireFeature(v.name)
      case 'dep':
        this.requireDep(v.dep)
        return
      case 'dep-feature':
        // `x/f` turns on the optional `x` (through its implicit feature when it has one);
        // `x?/f` does not, yet the dependency resolver still activates `x`, as cargo's does.
        if (!v.weak && this.map.has(v.dep) && this.allDeps.some((d) => d.name === v.dep && d.optional))
          this.requireFeature(v.dep)
        this.requireDep(v.dep).add(v.feature)
        return
    }
  }

  requireDep(name: string): Set<string> {
    let set = this.deps.get(name)
    if (!set) this.deps.set(name, (set = new Set()))
    return set
  }
}

/**
 * cargo's `resolve_features`: the dependencies to activate (dev-dependencies only when asked)
 * and the features this package ends up with, or the first problem found.
 */
export function requirementsOf(
  summary: Summary,
  deps: readonly Dep[],
  request: FeatureRequest,
  devDeps: boolean
): RequirementsResult {
  const map = featureMap(summary, deps)
  const reqs = new Requirements(map, deps)
  try {
    if (request.type === 'all') for (const name of map.keys()) reqs.requireFeature(name)
    else {
      for (const f of request.features) reqs.requireFeature(f)
      if (request.defaultFeatures && map.has('default')) reqs.requireFeature('default')
    }
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.problem }
    throw e
  }
  const active: ActiveDep[] = []
  const valid = new Set<string>()
  for (const dep of deps) {
    if (!isTransitive(dep) && !devDeps) continue
    const wanted = reqs.deps.get(dep.name)
    if (dep.optional && !wanted) continue
    valid.add(dep.name)
    const features = new Set([...(wanted ?? []), ...dep.features])
    active.push({ dep, features: [...features].sort() })
  }
  for (const name of reqs.deps.keys())
    if (!valid.has(name)) return { ok: false, problem: { type: 'missing-dependency', dep: name } }
  return { ok: true, used: reqs.features, deps: active }
}
