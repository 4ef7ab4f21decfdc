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
import { describePath, pathToRoot } from './describe-path'
import type { FeatureRequest, RequirementProblem } from './feature-requirements'
import { displayPackageId, summaryId, summaryKey } from './package-keys'
import type { RegistryQueryer } from './registry-queryer'
import { ReplacementError } from './replacements'
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

/**
 * The dependencies `used` brings in; a `[replace]` problem met while looking them up becomes
 * cargo's "failed to get … as a dependency of …" error.
 */
async function buildDeps(
  cx: ResolverContext,
  queryer: RegistryQueryer,
  parentKey: string | undefined,
  used: Summary,
  request: FeatureRequest,
  devDeps: boolean
) {
  try {
    return await queryer.buildDeps(parentKey, used, request, devDeps)
  } catch (e) {
    if (!(e instanceof ReplacementError)) throw e
    throw e.within(describePath(pathToRoot(cx, summaryKey(used)), (k) => queryer.known.get(k)!))
  }
}

/**
 * Activates `candidate` in `cx` (cargo's `activate`); user errors on a member are thrown. A
 * candidate `[replace]` swapped is activated together with its stand-in, whose dependencies
 * and features are the ones that count (the stand-in is the frame's parent).
 */
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
  const wasActive = cx.flagActivated(candidate, request, parent?.dep)
  const replacement = queryer.replacementOf(candidate)
  // Like cargo, the stand-in is flagged without the parent's dependency (no `[patch]` slot).
  const standInActive = replacement !== undefined && cx.flagActivated(replacement, request, undefined)
  if (wasActive && (replacement === undefined || standInActive)) return { type: 'already-active' }
  const used = replacement ?? candidate
  const built = await buildDeps(cx, queryer, parent && summaryKey(parent.summary), used, request, devDeps)
  if (!built.ok) {
    const deps = queryer.depsOf(used)
    if (!parent) throw rootProblem(used, deps, built.problem)
    const reason = problemReason(deps, built.problem)
    if (typeof reason === 'string')
      throw new EngineError('manifest-invalid', reason, {
        hint: 'Fix the `[features]` table of that package.'
      })
    return { type: 'conflict', pkg: summaryKey(parent.summary), reason }
  }
  if (built.used.size > 0) cx.addFeatures(summaryKey(used), built.used)
  return {
    type: 'frame',
    frame: { parent: used, justForErrorMessages: false, siblings: built.deps, offset: 0 }
  }
}
