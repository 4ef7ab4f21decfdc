/**
 * The dependency edges one unit really uses, after features and platforms (the filter cargo's
 * `unit_dependencies` applies): what a build plan, or a view of "what gets compiled", follows
 * from a package built for the target or for the host.
 */
import type { SummaryDep } from '../../sources/summary'
import type { FeaturesFor } from './feature-resolver'
import type { WorkspaceFeatures } from './resolve-workspace-features'
import { HOST, platformActivated, type CompileKind, type TargetData } from './target-data'

export interface ActiveDep {
  /** `packageIdKey` of the dependency. */
  readonly pkg: string
  /** The manifest entry (one per kind and platform it is declared with). */
  readonly dep: SummaryDep
  /** What the dependency is built for: build-dependencies and proc-macros (and below) for the host. */
  readonly featuresFor: FeaturesFor
}

export interface ActiveDepsQuery {
  readonly pkg: string
  readonly featuresFor: FeaturesFor
  /** The kind the unit is built for (ignored for host units). */
  readonly kind: CompileKind
  /** Whether the unit is a test, example or bench, which also uses dev-dependencies. */
  readonly dev: boolean
}

export function activeDependencies(
  wf: WorkspaceFeatures,
  targetData: TargetData,
  isProcMacro: (pkg: string) => boolean,
  q: ActiveDepsQuery
): ActiveDep[] {
  const out: ActiveDep[] = []
  for (const group of wf.targeted.packages.get(q.pkg)?.deps ?? []) {
    for (const dep of group.deps) {
      if (dep.kind === 'dev' && !q.dev) continue
      const kind = q.featuresFor === 'host' || dep.kind === 'build' ? HOST : q.kind
      if (!platformActivated(targetData, dep.target, kind)) continue
      if (dep.optional && !wf.features.isDepActivated(q.pkg, q.featuresFor, dep.name)) continue
      const featuresFor: FeaturesFor =
        q.featuresFor === 'host' || dep.kind === 'build' || isProcMacro(group.pkg) ? 'host' : 'normal'
      out.push({ pkg: group.pkg, dep, featuresFor })
    }
  }
  return out
}
