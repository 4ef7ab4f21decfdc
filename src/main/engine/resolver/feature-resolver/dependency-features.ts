/**
 * The dependency resolver's feature pass over fixed versions (cargo's `Resolve` after
 * `resolve_with_previous` for the requested members and flags): which packages and edges are
 * active, and each package's features unified over everything that depends on it, on every
 * platform. `cargo metadata` prints these features; the feature resolver narrows them.
 *
 * Unlike the feature resolver, `x?/feat` switches `x` on here (cargo: "Weak features are always
 * activated in the dependency resolver"), and dev-dependencies count for members only.
 */
import { EngineError } from '../../errors'
import type { Summary, SummaryDep } from '../../sources/summary'
import type { PackageId, Resolve } from '../resolve/resolve-types'
import type { CliFeatures } from './cli-features'
import { displayPackageId } from './display-package-id'
import { featureMapOf, type FeatureMap } from './feature-map'
import type { FeatureValue } from './feature-value'
import type { MemberFeatures } from './members-with-features'
import { compareStrings, comparePackageIds } from './package-order'
import { resolvedTarget } from './resolve-edges'

/** Every declaration of one dependency package (cargo's `resolve.deps(pkg)` entry). */
export interface DepGroup {
  readonly pkg: string
  readonly deps: readonly SummaryDep[]
}

export interface TargetedPackage {
  readonly key: string
  readonly id: PackageId
  readonly summary: Summary
  /** Sorted. */
  readonly features: readonly string[]
  /** Sorted by the dependency's package ID. */
  readonly deps: readonly DepGroup[]
}

export interface TargetedResolve {
  /** Sorted by package ID. */
  readonly packages: ReadonlyMap<string, TargetedPackage>
  /** The member keys that were resolved, in workspace order. */
  readonly members: readonly string[]
}

type Request =
  | { readonly type: 'cli'; readonly cli: CliFeatures }
  | { readonly type: 'dep'; readonly features: readonly string[]; readonly defaultFeatures: boolean }

interface State {
  readonly features: Set<string>
  readonly deps: Map<string, Set<string>>
  readonly edges: Set<SummaryDep>
  processed: boolean
  /** A feature or a dependency (feature) was added since the dependencies were last visited. */
  changed: boolean
}

/** Activates the members and everything they reach; `devDeps`: whether members' dev-dependencies count. */
export function resolveDependencyFeatures(
  resolve: Resolve,
  members: readonly MemberFeatures[],
  devDeps: boolean
): TargetedResolve {
  const states = new Map<string, State>()
  const maps = new Map<string, FeatureMap>()
  const memberKeys = new Set(members.map((m) => m.member.key))
  const pending: [string, Request, string | undefined][] = members.map((m) => [
    m.member.key,
    { type: 'cli', cli: m.features },
    undefined
  ])
  const mapOf = (key: string): FeatureMap => {
    let map = maps.get(key)
    if (!map) maps.set(key, (map = featureMapOf(packageOf(resolve, key).summary)))
    return map
  }

  for (let next = 0; next < pending.length; next++) {
    const [key, request, parent] = pending[next]!
    const pkg = packageOf(resolve, key)
    let st = states.get(key)
    if (!st)
      states.set(
        key,
        (st = { features: new Set(), deps: new Map(), edges: new Set(), processed: false, changed: false })
      )
    new Requirements(pkg.id, mapOf(key), pkg.summary, st, parent).apply(request)
    // Requirements only grow: with nothing new, this package's dependencies were already asked for.
    if (st.processed && !st.changed) continue
    st.changed = false
    st.processed = true
    const valid = new Set<string>()
    for (const dep of pkg.summary.deps) {
      if (dep.kind === 'dev' && !(devDeps && memberKeys.has(key))) continue
      if (dep.optional && !st.deps.has(dep.name)) continue
      valid.add(dep.name)
      const target = resolvedTarget(pkg, dep)
      if (target === undefined)
        throw new Error(
          `The resolve has no package for dependency \`${dep.name}\` of ${displayPackageId(pkg.id)}: resolve with every feature enabled.`
        )
      st.edges.add(dep)
      const features = [...new Set([...dep.features, ...(st.deps.get(dep.name) ?? [])])]
      pending.push([target, { type: 'dep', features, defaultFeatures: dep.defaultFeatures }, key])
    }
    for (const name of st.deps.keys())
      if (!valid.has(name) && !pkg.summary.deps.some((d) => d.name === name))
        throw new EngineError(
          'invalid-input',
          `package \`${displayPackageId(pkg.id)}\` does not have a dependency named \`${name}\``,
          { hint: 'Use `dependency/feature` with a dependency of the package.' }
        )
  }
  return finish(resolve, states, members)
}

function finish(
  resolve: Resolve,
  states: Map<string, State>,
  members: readonly MemberFeatures[]
): TargetedResolve {
  const packages: TargetedPackage[] = []
  for (const [key, st] of states) {
    const pkg = packageOf(resolve, key)
    const groups = new Map<string, SummaryDep[]>()
    for (const dep of pkg.summary.deps) {
      if (!st.edges.has(dep)) continue
      const target = resolvedTarget(pkg, dep)!
      groups.set(target, [...(groups.get(target) ?? []), dep])
    }
    const deps = [...groups]
      .map(([k, ds]) => ({ pkg: k, deps: ds }))
      .sort((a, b) => comparePackageIds(packageOf(resolve, a.pkg).id, packageOf(resolve, b.pkg).id))
    packages.push({
      key,
      id: pkg.id,
      summary: pkg.summary,
      features: [...st.features].sort(compareStrings),
      deps
    })
  }
  packages.sort((a, b) => comparePackageIds(a.id, b.id))
  return { packages: new Map(packages.map((p) => [p.key, p])), members: members.map((m) => m.member.key) }
}

function packageOf(resolve: Resolve, key: string) {
  const pkg = resolve.packages.get(key)
  if (!pkg) throw new Error(`package ${key} is not in the resolve`)
  return pkg
}

/** cargo's `Requirements`: features of one package, and the dependencies (with features) they ask for. */
class Requirements {
  constructor(
    private readonly id: PackageId,
    private readonly map: FeatureMap,
    private readonly summary: Summary,
    private readonly st: State,
    private readonly parent: string | undefined
  ) {}

  apply(request: Request): void {
    if (request.type === 'cli') {
      const cli = request.cli
      if (cli.allFeatures) for (const f of this.map.keys()) this.feature(f)
      else {
        for (const fv of cli.features) this.value(fv)
        if (cli.usesDefaultFeatures && this.map.has('default')) this.feature('default')
      }
      return
    }
    for (const f of request.features) this.feature(f)
    if (request.defaultFeatures && this.map.has('default')) this.feature('default')
  }

  private feature(name: string): void {
    if (this.st.features.has(name)) return
    const values = this.map.get(name)
    if (!values) throw this.missing(name)
    this.st.features.add(name)
    this.st.changed = true
    for (const fv of values) {
      if (fv.type === 'feature' && fv.name === name)
        throw new EngineError(
          'manifest-invalid',
          `cyclic feature dependency: feature \`${name}\` depends on itself`
        )
      this.value(fv)
    }
  }

  private value(fv: FeatureValue): void {
    switch (fv.type) {
      case 'feature':
        return this.feature(fv.name)
      case 'dep':
        this.dep(fv.depName)
        return
      case 'dep-feature': {
        const optional = this.summary.deps.some((d) => d.name === fv.depName && d.optional)
        if (!fv.weak && optional && this.map.has(fv.depName)) this.feature(fv.depName)
        const features = this.dep(fv.depName)
        if (!features.has(fv.depFeature)) {
          features.add(fv.depFeature)
          this.st.changed = true
        }
        return
      }
    }
  }

  private dep(name: string): Set<string> {
    let set = this.st.deps.get(name)
    if (!set) {
      this.st.deps.set(name, (set = new Set()))
      this.st.changed = true
    }
    return set
  }

  private missing(name: string): EngineError {
    const who = displayPackageId(this.id)
    const deps = this.summary.deps.filter((d) => d.name === name)
    const where = this.parent === undefined ? '' : ` (asked for by a dependent)`
    if (deps.length === 0)
      return new EngineError(
        'invalid-input',
        `Package \`${who}\` does not have the feature \`${name}\`${where}`,
        {
          hint: `Available features: ${[...this.map.keys()].join(', ') || '(none)'}.`
        }
      )
    if (deps.some((d) => d.optional))
      return new EngineError(
        'invalid-input',
        `Package \`${who}\` does not have feature \`${name}\`. It has an optional dependency with that name, but that dependency uses the "dep:" syntax in the features table, so it does not have an implicit feature with that name.`
      )
    return new EngineError(
      'invalid-input',
      `Package \`${who}\` does not have feature \`${name}\`. It has a required dependency with that name, but only optional dependencies can be used as features.`
    )
  }
}
