/**
 * The resolver's two questions, cached (cargo's `dep_cache.rs`): which versions can satisfy a
 * dependency (the source's versions plus `[patch]`es, yanked ones dropped unless locked, best
 * first), and which dependencies a version brings in with the features asked of it. Locks are
 * applied here, so a pinned dependency has exactly one candidate.
 */
import { EngineError } from '../../errors'
import type { SourceId } from '../../sources/source-id'
import type { PackageSource, Summary } from '../../sources/summary'
import {
  depMatchesIgnoringSource,
  depMatchesVersion,
  lockDepTo,
  lockDepVersion,
  type Dep
} from './dependency'
import { requirementsOf, type FeatureRequest, type RequirementProblem } from './feature-requirements'
import { sourceKey, summaryKey } from './package-keys'
import { patchKeyOf } from './patch-sources'
import { lockDep, pinKey, type LockState } from './previous-locks'
import type { Replacements } from './replacements'
import { packageIdKey, type PackageId } from './resolve-types'
import { summaryDeps } from './summary-deps'
import { sortCandidates, type VersionPrefs } from './version-prefs'

/** A dependency to activate, its candidates (best first) and the features asked of it. */
export interface DepInfo {
  readonly dep: Dep
  readonly candidates: readonly Summary[]
  readonly features: readonly string[]
}

export type BuiltDeps =
  | { readonly ok: true; readonly used: ReadonlySet<string>; readonly deps: readonly DepInfo[] }
  | { readonly ok: false; readonly problem: RequirementProblem }

export interface QueryerOptions {
  readonly sourceFor: (id: SourceId) => PackageSource
  readonly patches: ReadonlyMap<string, readonly Summary[]>
  readonly locks: LockState
  readonly prefs: VersionPrefs
  /** `[replace]`: checks every query's candidates and remembers the stand-ins. */
  readonly replacements?: Replacements
  readonly onQueried?: (count: number) => void
  readonly signal?: AbortSignal
}

export function cancelled(): EngineError {
  return new EngineError('cancelled', 'Dependency resolution was cancelled.')
}

export class RegistryQueryer {
  /** Every summary seen, by `packageIdKey`: the resolver refers to packages by key. */
  readonly known = new Map<string, Summary>()
  private readonly sourceCache = new Map<string, Promise<readonly Summary[]>>()
  private readonly queryCache = new Map<string, readonly Summary[]>()
  private readonly depsCache = new Map<string, readonly Dep[]>()
  private readonly buildCache = new Map<string, BuiltDeps>()
  private readonly patchKeys: ReadonlySet<string>
  private queried = 0

  constructor(private readonly options: QueryerOptions) {
    const keys = new Set<string>()
    for (const list of options.patches.values())
      for (const s of list) {
        keys.add(summaryKey(s))
        this.remember(s)
      }
    this.patchKeys = keys
  }

  remember(summary: Summary): void {
    this.known.set(summaryKey(summary), summary)
  }

  /** Throws the `cancelled` error once the caller's signal has fired. */
  checkAborted(): void {
    if (this.options.signal?.aborted) throw cancelled()
  }

  /** The package `[replace]` puts in this one's place, if any. */
  replacementOf(summary: Summary): Summary | undefined {
    return this.options.replacements?.replacementOf(summary)
  }

  isPatch(summary: Summary): boolean {
    return this.patchKeys.has(summaryKey(summary))
  }

  /** Every version a source lists under a name (cached; counts toward progress). */
  sourceVersions(source: SourceId, name: string): Promise<readonly Summary[]> {
    const key = `${sourceKey(source)}\u0000${name}`
    let found = this.sourceCache.get(key)
    if (!found) {
      this.checkAborted()
      found = this.options
        .sourceFor(source)
        .query(name)
        .then((list) => {
          this.queried++
          this.options.onQueried?.(this.queried)
          return list.filter((s) => s.name === name)
        })
      this.sourceCache.set(key, found)
    }
    return found
  }

  patchesFor(dep: Dep): readonly Summary[] {
    return (this.options.patches.get(patchKeyOf(dep.source)) ?? []).filter(
      (s) => s.name === dep.packageName && depMatchesVersion(dep, s.version)
    )
  }

  /** The versions that can satisfy `dep`, best first (cargo's `RegistryQueryer::query`). */
  async query(dep: Dep): Promise<readonly Summary[]> {
    const cached = this.queryCache.get(dep.key)
    if (cached) return cached
    const patches = this.patchesFor(dep)
    let out: Summary[]
    if (patches.length === 1 && dep.locked !== undefined) out = [...patches]
    else {
      const patchVersions = new Set(patches.map((p) => p.version))
      const all = await this.sourceVersions(dep.source, dep.packageName)
      out = [
        ...patches,
        ...all.filter(
          (s) =>
            depMatchesVersion(dep, s.version) &&
            !patchVersions.has(s.version) &&
            (!s.yanked || this.options.locks.yankedAllowed.has(summaryKey(s)))
        )
      ]
    }
    for (const s of out) this.remember(s)
    if (this.options.replacements?.active) await this.options.replacements.check(dep.packageName, out)
    sortCandidates(out, this.options.prefs)
    this.queryCache.set(dep.key, out)
    return out
  }

  /** A query already made (backtracking re-reads them without waiting). */
  cachedQuery(dep: Dep): readonly Summary[] {
    const found = this.queryCache.get(dep.key)
    if (!found) throw new Error(`resolver: ${dep.packageName} (${dep.reqText}) was never queried`)
    return found
  }

  private isPatchOf = (dep: Dep, id: PackageId): boolean =>
    (this.options.patches.get(patchKeyOf(dep.source)) ?? []).some((s) => summaryKey(s) === packageIdKey(id))

  /** The summary's dependencies with Cargo.lock's pins applied (cargo's `lock`). */
  depsOf(summary: Summary): readonly Dep[] {
    const key = summaryKey(summary)
    let deps = this.depsCache.get(key)
    if (!deps) {
      const { locks } = this.options
      const owner = locks.pinned
        .get(pinKey(summary.source, summary.name))
        ?.find((e) => packageIdKey(e.id) === key)
      deps = summaryDeps(summary).map((dep) => {
        const lock = lockDep(locks, owner, dep, this.isPatchOf)
        if (!lock) return dep
        return lock.sameSource ? lockDepTo(dep, lock.to) : lockDepVersion(dep, lock.to.version)
      })
      this.depsCache.set(key, deps)
    }
    return deps
  }

  /**
   * The dependencies `candidate` brings in with `request`, each with its candidates, the most
   * constrained first (cargo's `build_deps`); cached, since backtracking asks again.
   */
  async buildDeps(
    parentKey: string | undefined,
    candidate: Summary,
    request: FeatureRequest,
    devDeps: boolean
  ): Promise<BuiltDeps> {
    const requestKey =
      request.type === 'all' ? '*' : `${request.defaultFeatures ? 'd' : ''}:${request.features.join(',')}`
    const key = `${parentKey ?? ''}\u0001${summaryKey(candidate)}\u0001${requestKey}\u0001${devDeps ? 'dev' : ''}`
    const cached = this.buildCache.get(key)
    if (cached) return cached
    const reqs = requirementsOf(candidate, this.depsOf(candidate), request, devDeps)
    if (!reqs.ok) return reqs
    const deps: DepInfo[] = []
    for (const { dep, features } of reqs.deps) deps.push({ dep, candidates: await this.query(dep), features })
    deps.sort((a, b) => a.candidates.length - b.candidates.length)
    const built: BuiltDeps = { ok: true, used: reqs.used, deps }
    this.buildCache.set(key, built)
    return built
  }

  /** For error messages: every version of the dependency's package, and the rejected (yanked) ones. */
  async versionsForError(dep: Dep): Promise<{ all: readonly Summary[]; yanked: readonly Summary[] }> {
    const all = [
      ...(await this.sourceVersions(dep.source, dep.packageName)),
      ...this.patchesFor({ ...dep, locked: undefined, req: [] })
    ]
    const yanked = all.filter(
      (s) => s.yanked && depMatchesIgnoringSource(dep, { name: s.name, version: s.version, source: s.source })
    )
    return { all, yanked }
  }
}
