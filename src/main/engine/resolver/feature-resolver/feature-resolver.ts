/**
 * Cargo's feature resolver (`core/resolver/features.rs`) over a targeted resolve: which features
 * each package is built with, and which optional dependencies are switched on. With resolver
 * "2" it keeps apart what the host needs (build scripts, proc-macros and their dependencies)
 * from what the target needs, leaves out dev-dependencies unless dev units are built, and skips
 * dependencies of platforms not built for. With resolver "1" everything is unified.
 */
import type { SummaryDep } from '../../sources/summary'
import type { DepGroup, TargetedResolve } from './dependency-features'
import type { CliFeatures } from './cli-features'
import { featureMapOf, type FeatureMap } from './feature-map'
import { parseFeatureValue, type FeatureValue } from './feature-value'
import { compareStrings } from './package-order'
import { HOST, platformActivated, type CompileKind, type TargetData } from './target-data'

/** What a package is built for: a normal (or dev) dependency of the target, or the host. */
export type FeaturesFor = 'normal' | 'host'

/** cargo's `FeatureOpts`. */
export interface FeatureOpts {
  readonly decoupleHostDeps: boolean
  readonly decoupleDevDeps: boolean
  readonly ignoreInactiveTargets: boolean
}

/** Options for a resolver version: "2" and "3" decouple, "1" unifies everything. */
export function featureOpts(
  resolver: '1' | '2' | '3',
  hasDevUnits: boolean,
  forceAllTargets: boolean
): FeatureOpts {
  const v2 = resolver !== '1'
  return {
    decoupleHostDeps: v2,
    decoupleDevDeps: v2 && !hasDevUnits,
    ignoreInactiveTargets: v2 && !forceAllTargets
  }
}

export interface FeatureResolveInput {
  readonly targeted: TargetedResolve
  /** The members with the flags that apply to each (from `membersWithFeatures`). */
  readonly members: readonly { readonly key: string; readonly features: CliFeatures }[]
  readonly opts: FeatureOpts
  /** Needed when platform tables filter (`ignoreInactiveTargets`). */
  readonly targetData?: TargetData
  /** The kinds being built (`[host]` without `--target`). */
  readonly requestedKinds: readonly CompileKind[]
  /** Whether a package's library is a proc-macro (it is then built for the host). */
  readonly isProcMacro: (key: string) => boolean
}

/** One (package, for) pair reached: its features and the optional dependencies it switched on. */
export interface FeatureActivation {
  readonly pkg: string
  readonly featuresFor: FeaturesFor
  /** Sorted. */
  readonly features: readonly string[]
  /** Names (as the package writes them) of the optional dependencies switched on. */
  readonly activatedDeps: readonly string[]
}

export interface ResolvedFeatures {
  readonly opts: FeatureOpts
  /** Every (package, for) pair reached, in the order first reached. */
  readonly activations: readonly FeatureActivation[]
  features(pkg: string, featuresFor: FeaturesFor): readonly string[]
  isDepActivated(pkg: string, featuresFor: FeaturesFor, depName: string): boolean
}

const DEFAULT = 'default'

class FeatureResolver {
  private readonly features = new Map<string, Set<string>>()
  private readonly activatedDeps = new Map<string, Set<string>>()
  private readonly order: [string, FeaturesFor][] = []
  private readonly processed = new Set<string>()
  private readonly deferredWeak = new Map<string, Set<string>>()
  private readonly maps = new Map<string, FeatureMap>()
  private readonly trackForHost: boolean

  constructor(private readonly input: FeatureResolveInput) {
    this.trackForHost = input.opts.decoupleHostDeps || input.opts.ignoreInactiveTargets
  }

  private saved(fk: FeaturesFor): FeaturesFor {
    return this.input.opts.decoupleHostDeps ? fk : 'normal'
  }

  private key(pkg: string, fk: FeaturesFor): string {
    return `${pkg}\u0000${this.saved(fk)}`
  }

  private mapOf(pkg: string): FeatureMap {
    let map = this.maps.get(pkg)
    if (!map) {
      const p = this.input.targeted.packages.get(pkg)
      if (!p) throw new Error(`package ${pkg} is not in the targeted resolve`)
      this.maps.set(pkg, (map = featureMapOf(p.summary)))
    }
    return map
  }

  run(): ResolvedFeatures {
    for (const { key, features } of this.input.members) {
      const fvs = this.fromRequested(key, features)
      let fk: FeaturesFor = 'normal'
      if (this.trackForHost && this.input.isProcMacro(key)) {
        this.activatePkg(key, 'normal', fvs)
        fk = 'host'
      }
      this.activatePkg(key, fk, fvs)
    }
    const opts = this.input.opts
    const features = this.features
    const deps = this.activatedDeps
    const keyOf = (pkg: string, fk: FeaturesFor) => this.key(pkg, fk)
    const activations = this.order.map(([pkg, fk]) => ({
      pkg,
      featuresFor: fk,
      features: [...features.get(keyOf(pkg, fk))!].sort(compareStrings),
      activatedDeps: [...(deps.get(keyOf(pkg, fk)) ?? [])].sort(compareStrings)
    }))
    return {
      opts,
      activations,
      features(pkg, fk) {
        const set = features.get(keyOf(pkg, fk))
        if (!set) throw new Error(`features were not resolved for ${pkg} (${fk})`)
        return [...set].sort(compareStrings)
      },
      isDepActivated: (pkg, fk, name) => deps.get(keyOf(pkg, fk))?.has(name) ?? false
    }
  }

  private entry(pkg: string, fk: FeaturesFor): Set<string> {
    const k = this.key(pkg, fk)
    let set = this.features.get(k)
    if (!set) {
      this.features.set(k, (set = new Set()))
      this.order.push([pkg, this.saved(fk)])
    }
    return set
  }

  private activatePkg(pkg: string, fk: FeaturesFor, fvs: readonly FeatureValue[]): void {
    this.entry(pkg, fk)
    for (const fv of fvs) this.activateFv(pkg, fk, fv)
    const done = `${pkg}\u0000${fk}`
    if (this.processed.has(done)) return
    this.processed.add(done)
    for (const [depPkg, deps] of this.deps(pkg, fk))
      for (const [dep, depFk] of deps) {
        if (dep.optional) continue
        this.activatePkg(depPkg, depFk, this.fromDependency(depPkg, dep))
      }
  }

  private activateFv(pkg: string, fk: FeaturesFor, fv: FeatureValue): void {
    switch (fv.type) {
      case 'feature':
        return this.activateRec(pkg, fk, fv.name)
      case 'dep':
        return this.activateDependency(pkg, fk, fv.depName)
      case 'dep-feature':
        return this.activateDepFeature(pkg, fk, fv.depName, fv.depFeature, fv.weak)
    }
  }

  private activateRec(pkg: string, fk: FeaturesFor, feature: string): void {
    const enabled = this.entry(pkg, fk)
    if (enabled.has(feature)) return
    enabled.add(feature)
    for (const fv of this.mapOf(pkg).get(feature) ?? []) this.activateFv(pkg, fk, fv)
  }

  private activateDependency(pkg: string, fk: FeaturesFor, depName: string): void {
    const k = this.key(pkg, fk)
    let set = this.activatedDeps.get(k)
    if (!set) this.activatedDeps.set(k, (set = new Set()))
    set.add(depName)
    const weakKey = `${pkg}\u0000${fk}\u0000${depName}`
    const toEnable = this.deferredWeak.get(weakKey)
    this.deferredWeak.delete(weakKey)
    for (const [depPkg, deps] of this.deps(pkg, fk))
      for (const [dep, depFk] of deps) {
        if (dep.name !== depName) continue
        for (const f of toEnable ?? []) this.activateFv(depPkg, depFk, { type: 'feature', name: f })
        this.activatePkg(depPkg, depFk, this.fromDependency(depPkg, dep))
      }
  }

  private activateDepFeature(
    pkg: string,
    fk: FeaturesFor,
    depName: string,
    depFeature: string,
    weak: boolean
  ) {
    for (const [depPkg, deps] of this.deps(pkg, fk))
      for (const [dep, depFk] of deps) {
        if (dep.name !== depName) continue
        if (dep.optional) {
          const active = this.activatedDeps.get(this.key(pkg, fk))?.has(depName) ?? false
          if (weak && !active) {
            const weakKey = `${pkg}\u0000${fk}\u0000${depName}`
            const set = this.deferredWeak.get(weakKey) ?? new Set<string>()
            set.add(depFeature)
            this.deferredWeak.set(weakKey, set)
            continue
          }
          this.activateFv(pkg, fk, { type: 'dep', depName })
          if (!weak && this.mapOf(pkg).has(depName)) this.activateRec(pkg, fk, depName)
        }
        this.activateFv(depPkg, depFk, parseFeatureValue(depFeature))
      }
  }

  private fromDependency(depPkg: string, dep: SummaryDep): FeatureValue[] {
    const out = dep.features.map(parseFeatureValue)
    if (dep.defaultFeatures && this.mapOf(depPkg).has(DEFAULT)) out.push({ type: 'feature', name: DEFAULT })
    return out
  }

  private fromRequested(pkg: string, cli: CliFeatures): FeatureValue[] {
    const map = this.mapOf(pkg)
    const out: FeatureValue[] = [...cli.features]
    if (cli.usesDefaultFeatures && map.has(DEFAULT)) out.push({ type: 'feature', name: DEFAULT })
    if (cli.allFeatures) for (const k of map.keys()) out.push({ type: 'feature', name: k })
    return out
  }

  /** cargo's `FeatureResolver::deps`: the package's edges for `fk`, inactive ones left out. */
  private deps(pkg: string, fk: FeaturesFor): [string, [SummaryDep, FeaturesFor][]][] {
    const groups: readonly DepGroup[] = this.input.targeted.packages.get(pkg)?.deps ?? []
    const out: [string, [SummaryDep, FeaturesFor][]][] = []
    for (const group of groups) {
      const kept: [SummaryDep, FeaturesFor][] = []
      for (const dep of group.deps) {
        if (dep.target !== undefined && this.input.opts.ignoreInactiveTargets && !this.platformOk(dep, fk))
          continue
        if (this.input.opts.decoupleDevDeps && dep.kind === 'dev') continue
        const depFk: FeaturesFor =
          fk === 'normal'
            ? this.trackForHost && (dep.kind === 'build' || this.input.isProcMacro(group.pkg))
              ? 'host'
              : 'normal'
            : fk
        kept.push([dep, depFk])
      }
      if (kept.length > 0) out.push([group.pkg, kept])
    }
    return out
  }

  private platformOk(dep: SummaryDep, fk: FeaturesFor): boolean {
    const data = this.input.targetData
    if (!data) throw new Error('platform filtering needs the target data')
    if (dep.kind === 'build' || fk === 'host') return platformActivated(data, dep.target, HOST)
    return this.input.requestedKinds.some((kind) => platformActivated(data, dep.target, kind))
  }
}

export function resolveFeatures(input: FeatureResolveInput): ResolvedFeatures {
  return new FeatureResolver(input).run()
}
