/**
 * Builds the `cargo tree` graph from the members down (cargo's `graph::build`/`add_pkg`): each
 * dependency edge that is active for the platform, the selected edge kinds and the resolved
 * features; host dependencies (build-dependencies, proc-macros and below) as their own nodes.
 */
import type { SummaryDep } from '../sources/summary'
import type { FeatureMap } from '../resolver/feature-resolver/feature-map'
import { featureMapOf } from '../resolver/feature-resolver/feature-map'
import type { FeaturesFor } from '../resolver/feature-resolver/feature-resolver'
import type { WorkspaceFeatures } from '../resolver/feature-resolver/resolve-workspace-features'
import { comparePackageIds, compareStrings } from '../resolver/feature-resolver/package-order'
import {
  HOST,
  platformActivated,
  type CompileKind,
  type TargetData
} from '../resolver/feature-resolver/target-data'
import { addCliFeatures, addFeature, addInternalFeatures } from './graph-features'
import { TreeGraph, type EdgeKind, type PackageInfo } from './graph'

export interface GraphBuildInput {
  readonly features: WorkspaceFeatures
  readonly targetData: TargetData
  readonly packages: ReadonlyMap<string, PackageInfo>
  /** The dependency kinds shown (`-e`); `feature` adds feature nodes. */
  readonly edgeKinds: ReadonlySet<EdgeKind>
  /** `--target all`: no platform filtering. */
  readonly showAllTargets: boolean
  /** `-e no-proc-macro`. */
  readonly noProcMacro: boolean
}

const KIND_RANK = { normal: 0, dev: 1, build: 2 } as const

class GraphBuilder {
  readonly graph: TreeGraph
  private readonly maps = new Map<string, FeatureMap>()

  constructor(private readonly input: GraphBuildInput) {
    this.graph = new TreeGraph(input.packages)
  }

  get graphFeatures(): boolean {
    return this.input.edgeKinds.has('feature')
  }

  featureMap(pkg: string): FeatureMap {
    let map = this.maps.get(pkg)
    if (!map) {
      const p = this.input.features.targeted.packages.get(pkg)
      if (!p) throw new Error(`package ${pkg} is not in the targeted resolve`)
      this.maps.set(pkg, (map = featureMapOf(p.summary)))
    }
    return map
  }

  private procMacro(pkg: string): boolean {
    return this.input.packages.get(pkg)?.procMacro ?? false
  }

  build(): TreeGraph {
    const members = [...this.input.features.members].sort((a, b) =>
      comparePackageIds(a.member.id, b.member.id)
    )
    for (const { member, features } of members) {
      const fk: FeaturesFor = this.procMacro(member.key) ? 'host' : 'normal'
      for (const kind of this.input.features.requestedKinds) {
        const index = this.addPkg(member.key, fk, kind)
        if (this.graphFeatures) addCliFeatures(this.graph, index, features, this.featureMap(member.key))
      }
    }
    if (this.graphFeatures) addInternalFeatures(this.graph, (pkg) => this.featureMap(pkg))
    return this.graph
  }

  private keep(
    pkg: string,
    fk: FeaturesFor,
    nodeKind: CompileKind,
    depPkg: string,
    dep: SummaryDep
  ): boolean {
    const kind = nodeKind.type === 'host' || dep.kind === 'build' ? HOST : nodeKind
    if (!this.input.showAllTargets && !platformActivated(this.input.targetData, dep.target, kind))
      return false
    if (!this.input.edgeKinds.has(dep.kind)) return false
    if (this.input.noProcMacro && this.procMacro(depPkg)) return false
    if (dep.optional && !this.input.features.features.isDepActivated(pkg, fk, dep.name)) return false
    return true
  }

  private addPkg(pkg: string, fk: FeaturesFor, requested: CompileKind): number {
    const { targeted, features } = this.input.features
    const tp = targeted.packages.get(pkg)
    if (!tp) throw new Error(`package ${pkg} is not in the targeted resolve`)
    const nodeKind = fk === 'host' ? HOST : requested
    const node = {
      type: 'package',
      pkg,
      id: tp.id,
      features: features.features(pkg, fk),
      kind: nodeKind
    } as const
    const existing = this.graph.find(node)
    if (existing !== undefined) return existing
    const from = this.graph.add(node)
    const depNames = new Map<string, { node: number; optional: boolean }[]>()
    for (const group of tp.deps) {
      const deps = group.deps
        .filter((d) => this.keep(pkg, fk, nodeKind, group.pkg, d))
        .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareStrings(a.name, b.name))
      for (const dep of deps) {
        const depFk: FeaturesFor =
          fk !== 'normal' ? fk : dep.kind === 'build' || this.procMacro(group.pkg) ? 'host' : fk
        const depIndex = this.addPkg(group.pkg, depFk, requested)
        const edge = { kind: dep.kind, node: depIndex } as const
        if (!this.graphFeatures) {
          this.graph.addEdge(from, edge)
          continue
        }
        const list = depNames.get(dep.name) ?? []
        if (!list.some((e) => e.node === depIndex && e.optional === dep.optional))
          list.push({ node: depIndex, optional: dep.optional })
        depNames.set(dep.name, list)
        if (dep.defaultFeatures) addFeature(this.graph, 'default', from, edge)
        for (const f of dep.features) addFeature(this.graph, f, from, edge)
        if (!dep.defaultFeatures && dep.features.length === 0) this.graph.addEdge(from, edge)
      }
    }
    if (this.graphFeatures) this.graph.depNames.set(from, depNames)
    return from
  }
}

export function buildTreeGraph(input: GraphBuildInput): TreeGraph {
  return new GraphBuilder(input).build()
}
