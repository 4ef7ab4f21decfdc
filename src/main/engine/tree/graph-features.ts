/**
 * Feature nodes of `cargo tree -e features`: a node `pkg feature "f"` between a dependent and
 * the package, the command line's features as extra roots, and each feature linked to the
 * features and dependency features it enables (cargo's `add_feature`, `add_cli_features`,
 * `add_internal_features`).
 */
import type { CliFeatures } from '../resolver/feature-resolver/cli-features'
import type { FeatureMap } from '../resolver/feature-resolver/feature-map'
import { formatFeatureValue, type FeatureValue } from '../resolver/feature-resolver/feature-value'
import type { TreeEdge, TreeGraph } from './graph'

/** Adds (or finds) feature `name` of `to.node`, linked from `from`; `missing` says it was new. */
export function addFeature(
  graph: TreeGraph,
  name: string,
  from: number | undefined,
  to: TreeEdge
): { missing: boolean; index: number } {
  const node = { type: 'feature', node: to.node, name } as const
  const found = graph.find(node)
  const index = found ?? graph.add(node)
  if (from !== undefined) graph.addEdge(from, { kind: to.kind, node: index })
  graph.addEdge(index, { kind: 'feature', node: to.node })
  return { missing: found === undefined, index }
}

/** The member's command-line features as root feature nodes. */
export function addCliFeatures(graph: TreeGraph, pkgIndex: number, cli: CliFeatures, map: FeatureMap): void {
  const toAdd = new Map<string, FeatureValue>()
  const put = (fv: FeatureValue) => toAdd.set(formatFeatureValue(fv), fv)
  if (cli.allFeatures) for (const k of map.keys()) put({ type: 'feature', name: k })
  if (cli.usesDefaultFeatures) put({ type: 'feature', name: 'default' })
  for (const fv of cli.features) put(fv)
  const self = { kind: 'feature', node: pkgIndex } as const
  for (const fv of toAdd.values()) {
    if (fv.type === 'feature') {
      graph.cliFeatures.add(addFeature(graph, fv.name, undefined, self).index)
    } else if (fv.type === 'dep-feature') {
      const conns = graph.depNames.get(pkgIndex)?.get(fv.depName)
      if (!conns) {
        if (fv.weak) continue
        throw new Error(
          `missing dependency graph connection for command-line feature \`${formatFeatureValue(fv)}\``
        )
      }
      for (const { node, optional } of conns) {
        if (optional) graph.cliFeatures.add(addFeature(graph, fv.depName, undefined, self).index)
        const dep = { kind: 'feature', node } as const
        graph.cliFeatures.add(addFeature(graph, fv.depFeature, undefined, dep).index)
      }
    }
  }
}

/** Links every feature node present so far to what its `[features]` entry enables, recursively. */
export function addInternalFeatures(graph: TreeGraph, featureMap: (pkg: string) => FeatureMap): void {
  const features = graph.nodes.flatMap((n, i) => (n.type === 'feature' ? [{ index: i, node: n }] : []))
  for (const { index, node } of features) addFeatureRec(graph, featureMap, node.name, index, node.node)
}

function addFeatureRec(
  graph: TreeGraph,
  featureMap: (pkg: string) => FeatureMap,
  name: string,
  from: number,
  pkgIndex: number
): void {
  const pkg = graph.packageOf(pkgIndex).pkg
  for (const fv of featureMap(pkg).get(name) ?? []) {
    if (fv.type === 'feature') {
      const added = addFeature(graph, fv.name, from, { kind: 'feature', node: pkgIndex })
      if (added.missing) addFeatureRec(graph, featureMap, fv.name, added.index, pkgIndex)
    } else if (fv.type === 'dep-feature') {
      const conns = graph.depNames.get(pkgIndex)?.get(fv.depName)
      if (!conns) continue
      for (const { node, optional } of conns) {
        if (optional && !fv.weak) addFeature(graph, fv.depName, from, { kind: 'feature', node: pkgIndex })
        const added = addFeature(graph, fv.depFeature, from, { kind: 'feature', node })
        if (added.missing) addFeatureRec(graph, featureMap, fv.depFeature, added.index, node)
      }
    }
  }
}
