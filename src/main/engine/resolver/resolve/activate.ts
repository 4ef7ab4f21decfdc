/**
 * Activating one package (cargo's `activate`): record the edge from its dependent, take its
 * activation slot, and work out the dependencies it brings in. A problem with the features a
 * dependent asked for makes this version a conflict (an older one may have the feature); on a
 * workspace member it is an error.
 */
import { EngineError } from '../../errors'
import type { Summary } from '../../sources/summary'
import type { ConflictReason } from './conflicts'
import type { Dep } from './dependency'
import type { FeatureRequest, RequirementProblem } from './feature-requirements'
import { displayPackageId, summaryId, summaryKey } from './package-keys'
import type { RegistryQueryer } from './registry-queryer'
import type { DepsFrame } from './remaining-deps'
import type { ResolverContext } from './resolver-context'

/**
 * What activating a candidate came to: the frame of dependencies it brings in, nothing new
 * (already active with these features), or a conflict: the candidate cannot be used while
 * `pkg` is active, for `reason`.
 */
export type Activated =
  | { readonly type: 'frame'; readonly frame: DepsFrame }
  | { readonly type: 'already-active' }
  | { readonly type: 'conflict'; readonly pkg: string; readonly reason: ConflictReason }

function problemReason(deps: readonly Dep[], problem: RequirementProblem): ConflictReason | string {
  switch (problem.type) {
    case 'feature-cycle':
      return `cyclic feature dependency: feature \`${problem.feature}\` depends on itself`
    case 'missing-dependency':
      return { type: 'missing-feature', feature: problem.dep }
    case 'missing-feature': {
      const named = deps.filter((d) => d.name === problem.feature)
      if (named.length === 0) return { type: 'missing-feature', feature: problem.feature }
      return named.some((d) => d.optional)
        ? { type: 'non-implicit-dependency-as-feature', feature: problem.feature }
        : { type: 'required-dependency-as-feature', feature: problem.feature }
    }
  }
}

function rootProblem(summary: Summary, deps: readonly Dep[], problem: RequirementProblem): EngineError {
  const id = displayPackageId(summaryId(summary))
  const hint = 'Fix the `[features]` table of that package.'
  switch (problem.type) {
    case 'feature-cycle':
      return new EngineError(
        'manifest-invalid',
        `cyclic feature dependency: feature \`${problem.feature}\` depends on itself`,
        { hint }
      )
    case 'missing-dependency':
      return new EngineError(
        'manifest-invalid',
        `package \`${id}\` does not have a dependency named \`${problem.dep}\``,
        { hint }
      )
    case 'missing-feature': {
      const named = deps.filter((d) => d.name === problem.feature)
      const message =
        named.length === 0
          ? `Package \`${id}\` does not have the feature \`${problem.feature}\``
          : named.some((d) => d.optional)
            ? `Package \`${id}\` does not have feature \`${problem.feature}\`. It has an optional dependency with that name, but that dependency uses the "dep:" syntax in the features table, so it does not have an implicit feature with that name.`
            : `Package \`${id}\` does not have feature \`${problem.feature}\`. It has a required dependency with that name, but only optional dependencies can be used as features.`
      return new EngineError('manifest-invalid', message, { hint })
    }
  }
}

/** Activates `candidate` in `cx` (cargo's `activate`); user errors on a member are thrown. */
export async function activate(
  cx: ResolverContext,
  queryer: RegistryQueryer,
  parent: { readonly summary: Summary; readonly dep: Dep } | undefined,
  candidate: Summary,
  request: FeatureRequest,
  devDeps: boolean
): Promise<Activated> {
  const key = summaryKey(candidate)
  cx.age += 1
  if (parent) cx.link(key, summaryKey(parent.summary), parent.dep)
  if (cx.flagActivated(candidate, request, parent?.dep)) return { type: 'already-active' }
  const built = await queryer.buildDeps(parent && summaryKey(parent.summary), candidate, request, devDeps)
  if (!built.ok) {
    const deps = queryer.depsOf(candidate)
    if (!parent) throw rootProblem(candidate, deps, built.problem)
    const reason = problemReason(deps, built.problem)
    if (typeof reason === 'string')
      throw new EngineError('manifest-invalid', reason, {
        hint: 'Fix the `[features]` table of that package.'
      })
    return { type: 'conflict', pkg: summaryKey(parent.summary), reason }
  }
  if (built.used.size > 0) cx.addFeatures(key, built.used)
  return {
    type: 'frame',
    frame: { parent: candidate, justForErrorMessages: false, siblings: built.deps, offset: 0 }
  }
}
