/**
 * The resolver's state at one point of its search (cargo's `ResolverContext`): which version
 * fills each activation slot and when ("age"), which package holds each `links` name, the
 * features each package was asked for, and which dependency edges led to each package. Every
 * backtrack point keeps a copy; the maps are persistent, so a copy shares them and updates
 * replace them (inner edge maps are never mutated either, only replaced).
 */
import type { Summary } from '../../sources/summary'
import type { Dep } from './dependency'
import type { FeatureRequest } from './feature-requirements'
import { activationKey, sourceKey, summaryKey, summarySlot } from './package-keys'
import { PersistentMap } from './persistent-map'

export interface Activation {
  readonly summary: Summary
  readonly age: number
}

export class ResolverContext {
  age = 0
  activations: PersistentMap<Activation>
  links: PersistentMap<string>
  features: PersistentMap<ReadonlySet<string>>
  /** child key → parent key → the dependencies of the parent that the child satisfies. */
  parents: PersistentMap<ReadonlyMap<string, readonly Dep[]>>

  constructor(from?: ResolverContext) {
    this.age = from?.age ?? 0
    this.activations = from?.activations ?? PersistentMap.empty()
    this.links = from?.links ?? PersistentMap.empty()
    this.features = from?.features ?? PersistentMap.empty()
    this.parents = from?.parents ?? PersistentMap.empty()
  }

  clone(): ResolverContext {
    return new ResolverContext(this)
  }

  /** Records that `parent` reaches `child` through `dep`. */
  link(child: string, parent: string, dep: Dep): void {
    const edges = this.parents.get(child)
    const deps = edges?.get(parent) ?? []
    if (deps.some((d) => d.key === dep.key)) return
    const next = new Map(edges)
    next.set(parent, [...deps, dep])
    this.parents = this.parents.set(child, next)
  }

  /** The age at which this exact package was activated, if it is active. */
  isActive(summary: Summary): number | undefined {
    const a = this.activations.get(summarySlot(summary))
    return a && summaryKey(a.summary) === summaryKey(summary) ? a.age : undefined
  }

  /**
   * Activates `summary` (cargo's `flag_activated`); true when it already was, with every
   * feature now asked for. A package reached through a `[patch]` also fills the patched
   * source's slot, so the registry cannot add a second compatible version beside it.
   */
  flagActivated(summary: Summary, request: FeatureRequest, parentDep: Dep | undefined): boolean {
    const key = summarySlot(summary)
    if (!this.activations.has(key)) {
      if (summary.links !== undefined) this.links = this.links.set(summary.links, summaryKey(summary))
      const activation = { summary, age: this.age }
      this.activations = this.activations.set(key, activation)
      if (parentDep && parentDep.sourceKey !== sourceKey(summary.source)) {
        const patched = activationKey(summary.name, summary.version, parentDep.source)
        if (!this.activations.has(patched)) this.activations = this.activations.set(patched, activation)
      }
      return false
    }
    if (request.type === 'all') return false
    const hasDefault = Object.hasOwn(summary.features, 'default')
    const prev = this.features.get(summaryKey(summary))
    if (!prev) return request.features.length === 0 && (!request.defaultFeatures || !hasDefault)
    return (
      request.features.every((f) => prev.has(f)) &&
      (!request.defaultFeatures || prev.has('default') || !hasDefault)
    )
  }

  addFeatures(key: string, used: ReadonlySet<string>): void {
    const prev = this.features.get(key)
    this.features = this.features.set(key, prev ? new Set([...prev, ...used]) : new Set(used))
  }

  /** Whether a chain of dependency edges leads from `from` up to `to`. */
  isPathFromTo(from: string, to: string): boolean {
    const seen = new Set<string>()
    const stack = [from]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node === to) return true
      if (seen.has(node)) continue
      seen.add(node)
      for (const parent of this.parents.get(node)?.keys() ?? []) stack.push(parent)
    }
    return false
  }
}
