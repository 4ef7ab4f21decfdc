/**
 * The graph the dependency view draws, from the same graph `cargo tree` prints (host platform,
 * normal, build and dev edges, features resolved as a build would): one `GraphPackage` per
 * tree node and one `GraphEdge` per dependency declaration behind each tree edge.
 */
import type { DependencyGraph, GraphEdge, GraphPackage, GraphSource } from '@shared/models/dependency-tree'
import { CRATES_IO_NAME } from '@shared/models/dependency-tree'
import type { Dependency } from '../manifest/model'
import { formatVersionReq } from '../resolver/format-req'
import { HOST, platformActivated, type TargetData } from '../resolver/feature-resolver/target-data'
import type { PackageId } from '../resolver/resolve/resolve-types'
import { CRATES_IO, sameSource } from '../sources/source-id'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import { cargoTree } from './cargo-tree'

function graphSource(id: PackageId): GraphSource {
  const s = id.source
  switch (s.kind) {
    case 'path':
      return { kind: 'path', path: s.path }
    case 'git':
      return {
        kind: 'git',
        url: s.url,
        ...(s.ref.type === 'default' ? {} : { reference: { type: s.ref.type, value: s.ref.value } }),
        ...(s.precise ? { commit: s.precise } : {})
      }
    case 'registry':
    case 'sparse':
      return { kind: 'registry', name: sameSource(s, CRATES_IO) ? CRATES_IO_NAME : s.url, url: s.url }
  }
}

export function dependencyGraphOf(ws: ResolvedWorkspace, targetData: TargetData): DependencyGraph {
  const { graph, roots } = cargoTree(ws, targetData, {})
  const ids = new Map<number, string>()
  const packages: GraphPackage[] = []
  const seen = new Set<string>()
  graph.nodes.forEach((node, i) => {
    if (node.type !== 'package') return
    // A package built twice (host and target with other features) is two nodes: two ids.
    const id = seen.has(node.pkg) ? `${node.pkg} [${i}]` : node.pkg
    seen.add(node.pkg)
    ids.set(i, id)
    const files = ws.packages.get(node.pkg)
    const meta = files?.pkg.manifest.package
    packages.push({
      id,
      name: node.id.name,
      version: node.id.version,
      source: graphSource(node.id),
      features: node.features,
      ...(files ? { declaredFeatures: files.pkg.manifest.features } : {}),
      procMacro: graph.packages.get(node.pkg)?.procMacro ?? false,
      member: ws.members.includes(node.pkg),
      ...(meta?.description !== undefined ? { description: meta.description } : {}),
      ...(meta?.license !== undefined ? { license: meta.license } : {}),
      ...(meta?.repository !== undefined ? { repository: meta.repository } : {})
    })
  })
  const edges: GraphEdge[] = []
  graph.nodes.forEach((node, from) => {
    if (node.type !== 'package') return
    const declared = ws.packages.get(node.pkg)?.pkg.manifest.dependencies ?? []
    for (const kind of ['normal', 'build', 'dev'] as const) {
      for (const edge of graph.edgesOfKind(from, kind)) {
        const to = graph.packageOf(edge.node)
        const matching = declared.filter(
          (d) =>
            d.kind === kind && d.packageName === to.id.name && platformActivated(targetData, d.platform, HOST)
        )
        for (const dep of matching.length > 0 ? matching : [undefined])
          edges.push(edgeOf(ids.get(from)!, ids.get(edge.node)!, kind, dep))
      }
    }
  })
  return { packages, edges, roots: roots.map((r) => ids.get(r)!).filter((r) => r !== undefined) }
}

function edgeOf(from: string, to: string, kind: GraphEdge['kind'], dep: Dependency | undefined): GraphEdge {
  return {
    from,
    to,
    kind,
    ...(dep && dep.name !== dep.packageName ? { rename: dep.name } : {}),
    req: formatVersionReq(dep?.versionReq),
    features: dep?.features ?? [],
    defaultFeatures: dep?.defaultFeatures ?? true,
    optional: dep?.optional ?? false,
    ...(dep?.platform !== undefined ? { target: dep.platform } : {})
  }
}
