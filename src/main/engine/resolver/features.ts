/**
 * Feature resolution over the package graph, with Cargo's rules: `default`, features that
 * enable features, `dep:x`, `x/feat`, weak `x?/feat`, and optional dependencies activated by
 * features (with their implicit feature unless `dep:x` is used). Requests from every
 * dependent are unified per package.
 */
import { EngineError } from '../errors'
import type { Package } from '../manifest/model'
import type { DepEdge, PackageGraph, PackageNode } from '../workspace/package-graph'

export interface FeatureRequest {
  readonly features: readonly string[]
  readonly allFeatures: boolean
  readonly noDefaultFeatures: boolean
}

export interface ResolvedFeatures {
  /** Enabled features per package ID, sorted. */
  readonly enabled: ReadonlyMap<string, readonly string[]>
  /** Dependency edges that are active (non-optional, or optional and switched on). */
  readonly activeDeps: ReadonlyMap<string, readonly DepEdge[]>
}

/** Optional dependencies that get a feature of their own name (no `dep:` reference to them). */
export function implicitFeatures(pkg: Package): string[] {
  const values = Object.values(pkg.manifest.features).flat()
  return pkg.manifest.dependencies
    .filter((d) => d.optional && !values.includes(`dep:${d.name}`))
    .map((d) => d.name)
    .filter((n, i, all) => all.indexOf(n) === i && !Object.hasOwn(pkg.manifest.features, n))
}

/** Every feature name `--check-cfg` should accept for a package. */
export function declaredFeatures(pkg: Package): string[] {
  return [...new Set([...Object.keys(pkg.manifest.features), ...implicitFeatures(pkg)])].sort()
}

export function resolveFeatures(graph: PackageGraph, rootRequest: FeatureRequest): ResolvedFeatures {
  const reached = new Set<string>()
  const enabled = new Map<string, Set<string>>()
  const active = new Map<string, Set<DepEdge>>()
  const weak = new Map<string, Map<string, string[]>>()

  const featureError = (node: PackageNode, message: string, hint?: string) =>
    new EngineError('manifest-invalid', message, { file: node.pkg.manifest.path, ...(hint ? { hint } : {}) })

  const edgesNamed = (node: PackageNode, name: string) => node.deps.filter((e) => e.dep.name === name)

  const activateDep = (node: PackageNode, name: string): void => {
    const edges = edgesNamed(node, name)
    const set = active.get(node.id)!
    for (const edge of edges) {
      if (set.has(edge)) continue
      set.add(edge)
      if (edge.node) {
        reach(edge.node)
        if (edge.dep.defaultFeatures) request(edge.node, 'default', true)
        for (const f of edge.dep.features) request(edge.node, f)
      }
      for (const f of weak.get(node.id)?.get(name) ?? []) requestOnDep(node, name, f)
    }
  }

  const requestOnDep = (node: PackageNode, depName: string, feature: string): void => {
    for (const edge of edgesNamed(node, depName)) if (edge.node) request(edge.node, feature)
  }

  const request = (node: PackageNode, feature: string, optionalDefault = false): void => {
    const set = enabled.get(node.id)!
    if (set.has(feature)) return
    const table = node.pkg.manifest.features
    if (Object.hasOwn(table, feature)) {
      set.add(feature)
      for (const value of table[feature] ?? []) applyValue(node, value)
      return
    }
    if (feature === 'default' && optionalDefault) return
    if (implicitFeatures(node.pkg).includes(feature)) {
      set.add(feature)
      activateDep(node, feature)
      return
    }
    throw featureError(
      node,
      `Package \`${node.pkg.manifest.package.name}\` does not have the feature \`${feature}\`.`,
      `Available features: ${declaredFeatures(node.pkg).join(', ') || '(none)'}.`
    )
  }

  const applyValue = (node: PackageNode, value: string): void => {
    if (value.startsWith('dep:')) return activateDep(node, value.slice(4))
    const slash = value.indexOf('/')
    if (slash < 0) return request(node, value)
    const weakRef = value[slash - 1] === '?'
    const depName = value.slice(0, weakRef ? slash - 1 : slash)
    const feature = value.slice(slash + 1)
    if (
      edgesNamed(node, depName).length === 0 &&
      !node.pkg.manifest.dependencies.some((d) => d.name === depName)
    ) {
      throw featureError(
        node,
        `Feature value \`${value}\` refers to \`${depName}\`, which is not a dependency of \`${node.pkg.manifest.package.name}\`.`
      )
    }
    const isActive = [...active.get(node.id)!].some((e) => e.dep.name === depName)
    if (weakRef && !isActive) {
      const byDep = weak.get(node.id) ?? new Map<string, string[]>()
      byDep.set(depName, [...(byDep.get(depName) ?? []), feature])
      weak.set(node.id, byDep)
      return
    }
    if (!weakRef && implicitFeatures(node.pkg).includes(depName)) request(node, depName)
    activateDep(node, depName)
    requestOnDep(node, depName, feature)
  }

  /** A package's non-optional dependencies switch on once something depends on the package. */
  function reach(node: PackageNode): void {
    if (reached.has(node.id)) return
    reached.add(node.id)
    for (const edge of node.deps) if (!edge.dep.optional) activateDep(node, edge.dep.name)
  }

  for (const node of graph.nodes.values()) {
    enabled.set(node.id, new Set())
    active.set(node.id, new Set())
  }
  const root = graph.root
  reach(root)
  if (!rootRequest.noDefaultFeatures) request(root, 'default', true)
  const rootFeatures = rootRequest.allFeatures ? declaredFeatures(root.pkg) : rootRequest.features
  for (const f of rootFeatures) applyValue(root, f)

  const only = <T>(m: Map<string, T>) => [...m].filter(([id]) => reached.has(id))
  return {
    enabled: new Map(only(enabled).map(([id, s]) => [id, [...s].sort()])),
    activeDeps: new Map(only(active).map(([id, s]) => [id, [...s]]))
  }
}
