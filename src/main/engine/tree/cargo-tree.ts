/**
 * `cargo tree` over a resolved workspace (cargo's `ops/tree/mod.rs`): resolve features for the
 * chosen packages, platform and edge kinds, build the graph, turn it around for `-i`/`-d`, and
 * print it exactly as cargo 1.95 does. The graph is returned too, for views that draw it.
 */
import { EngineError } from '../errors'
import type { MemberSelector } from '../resolver/feature-resolver/members-with-features'
import {
  isProcMacroPackage,
  resolveWorkspaceFeatures,
  type WorkspaceFeatures
} from '../resolver/feature-resolver/resolve-workspace-features'
import { HOST, type CompileKind, type TargetData } from '../resolver/feature-resolver/target-data'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import { packageIdKey, type PackageId } from '../resolver/resolve/resolve-types'
import { isPattern, memberPatternMatches } from '../workspace/member-pattern'
import { buildTreeGraph } from './build-graph'
import { parsePattern } from './format-pattern'
import type { PackageInfo, TreeGraph } from './graph'
import { findDuplicates, fromReachable, invert } from './graph-ops'
import { parsePackageIdSpec, querySpec, specMatches, type PackageIdSpec } from './package-id-spec'
import { printTree } from './print-tree'
import { parseEdgeKinds, type TreeOptions } from './tree-options'

export interface TreeResult {
  /** What cargo prints on stdout. */
  readonly text: string
  /** What cargo prints as `warning: …` on stderr (without the prefix). */
  readonly warnings: readonly string[]
  readonly graph: TreeGraph
  readonly roots: readonly number[]
  readonly features: WorkspaceFeatures
}

export const NOTHING_TO_PRINT =
  'nothing to print.\n\nTo find dependencies that require specific target platforms, try to use option `--target all` first, and then narrow your search scope accordingly.'

function requestedKinds(targets: readonly string[], data: TargetData): CompileKind[] {
  if (targets.length === 0 || (targets.length === 1 && targets[0] === 'all')) return [HOST]
  return targets.map((triple) => {
    if (!data.targets.has(triple)) throw new Error(`target data for ${triple} was not loaded`)
    return { type: 'target', triple }
  })
}

function packageInfos(ws: ResolvedWorkspace): Map<string, PackageInfo> {
  const out = new Map<string, PackageInfo>()
  for (const [key, files] of ws.packages) {
    const meta = files.pkg.manifest.package
    const lib = files.pkg.targets.find((t) => t.kind === 'lib')
    out.set(key, {
      procMacro: isProcMacroPackage(files.pkg),
      ...(meta.license !== undefined ? { license: meta.license } : {}),
      ...(meta.repository !== undefined ? { repository: meta.repository } : {}),
      ...(lib ? { libName: lib.crateName } : {})
    })
  }
  return out
}

function selector(spec: PackageIdSpec): MemberSelector {
  return { name: spec.name, matches: (id) => specMatches(spec, id) }
}

function memberSelector(ws: ResolvedWorkspace, key: string): MemberSelector {
  return { name: ws.packages.get(key)!.id.name, matches: (id) => packageIdKey(id) === key }
}

/** `--workspace` less `--exclude` (specs matched against members, as cargo's `Packages::All`), or the default members. */
function selectedMembers(ws: ResolvedWorkspace, options: TreeOptions): readonly string[] {
  if (!options.workspace) return ws.defaultMembers
  const excluded = (options.exclude ?? []).map((text) =>
    isPattern(text)
      ? (id: PackageId) => memberPatternMatches(text, id.name)
      : (id: PackageId) => specMatches(parsePackageIdSpec(text), id)
  )
  return ws.members.filter((k) => !excluded.some((matches) => matches(ws.packages.get(k)!.id)))
}

export function cargoTree(
  ws: ResolvedWorkspace,
  targetData: TargetData,
  options: TreeOptions = {}
): TreeResult {
  const edges = parseEdgeKinds(options.edges ?? [])
  const graphFeatures = edges.kinds.has('feature')
  if (graphFeatures && options.duplicates)
    throw new EngineError('invalid-input', 'the `-e features` flag does not support `--duplicates`', {
      hint: 'Drop `-e features` or `-d`.'
    })
  const pattern = parsePattern(options.format ?? '{p}')
  const targets = options.targets ?? []
  const showAllTargets = targets.length === 1 && targets[0] === 'all'
  // `--workspace` (less `--exclude`) wins over `-p`; `-p` takes specs and member-name globs.
  const packageTexts = options.workspace ? [] : (options.packages ?? [])
  const packageSpecs = packageTexts.filter((t) => !isPattern(t)).map(parsePackageIdSpec)
  const globbed = packageTexts.filter((t) => isPattern(t))
  const chosenMembers =
    packageTexts.length > 0
      ? ws.members.filter((k) => globbed.some((g) => memberPatternMatches(g, ws.packages.get(k)!.id.name)))
      : selectedMembers(ws, options)
  const features = resolveWorkspaceFeatures(ws, {
    specs: [...packageSpecs.map(selector), ...chosenMembers.map((k) => memberSelector(ws, k))],
    ...(options.features ? { flags: options.features } : {}),
    hasDevUnits: edges.kinds.has('dev'),
    targetData,
    requestedKinds: requestedKinds(targets, targetData),
    forceAllTargets: showAllTargets
  })
  const packages = packageInfos(ws)
  let graph = buildTreeGraph({
    features,
    targetData,
    packages,
    edgeKinds: edges.kinds,
    showAllTargets,
    noProcMacro: edges.noProcMacro
  })
  const candidates = [...features.targeted.packages.values()]
  const invertSpecs = (options.invert ?? []).map(parsePackageIdSpec)
  // The roots: `-i` packages, else `-p` packages, else the selected members.
  const rootKeys = new Set(
    invertSpecs.length > 0
      ? invertSpecs.map((spec) => querySpec(spec, candidates).key)
      : [...packageSpecs.map((spec) => querySpec(spec, candidates).key), ...chosenMembers]
  )
  let roots = graph.indexesOf(rootKeys)
  if (options.duplicates) {
    const reachable = fromReachable(graph, roots)
    graph = reachable.graph
    roots = findDuplicates(graph)
  }
  if (invertSpecs.length > 0 || options.duplicates) invert(graph)
  const prune = (options.prune ?? []).map((text) => {
    const spec = parsePackageIdSpec(text)
    querySpec(spec, candidates)
    return spec
  })
  const warnings = roots.length === 0 ? [NOTHING_TO_PRINT] : []
  const text =
    roots.length === 0
      ? ''
      : printTree(graph, roots, {
          pattern,
          prefix: options.prefix ?? 'indent',
          charset: options.charset ?? 'utf8',
          noDedupe: options.noDedupe ?? false,
          ...(options.depth !== undefined ? { depth: options.depth } : {}),
          prune,
          members: new Set(ws.members)
        })
  return { text, warnings, graph, roots, features }
}
