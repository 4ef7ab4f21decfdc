/**
 * `resolve` in `cargo metadata` (cargo's `build_resolve_graph`): from the members down, one node
 * per package with its dependencies (only those with a library), the name code uses for each
 * (`extern crate` name: the rename or the library name, `-` as `_`), every kind and platform it
 * is declared with, and the features the dependency resolver unified on it.
 */
import { EngineError } from '../errors'
import type { TargetedResolve } from '../resolver/feature-resolver/dependency-features'
import { displayPackageId } from '../resolver/feature-resolver/display-package-id'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import {
  platformActivated,
  type CompileKind,
  type TargetData
} from '../resolver/feature-resolver/target-data'
import type { SummaryDep } from '../sources/summary'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import { obj, type OrderedObject } from './json-text'
import { packageIdSpecString } from './package-id-string'
import { displayPlatform, isCfgPlatform } from './platform-display'

/** Set for `--filter-platform`: only edges active on one of these platforms are kept. */
export interface PlatformFilter {
  readonly targetData: TargetData
  readonly kinds: readonly CompileKind[]
}

const KIND_RANK = { normal: 0, dev: 1, build: 2 } as const

function compareDepKinds(a: SummaryDep, b: SummaryDep): number {
  const k = KIND_RANK[a.kind] - KIND_RANK[b.kind]
  if (k !== 0) return k
  if (a.target === undefined || b.target === undefined)
    return a.target === b.target ? 0 : a.target === undefined ? -1 : 1
  const cfg = Number(isCfgPlatform(a.target)) - Number(isCfgPlatform(b.target))
  return cfg || compareStrings(displayPlatform(a.target), displayPlatform(b.target))
}

function externName(
  ws: ResolvedWorkspace,
  from: string,
  to: string,
  deps: readonly SummaryDep[]
): string | undefined {
  const lib = ws.packages.get(to)?.pkg.targets.find((t) => t.kind === 'lib')
  if (!lib) return undefined
  const names = new Set(
    deps.map((d) => (d.name !== d.packageName ? d.name.replaceAll('-', '_') : lib.crateName))
  )
  if (names.size > 1) {
    const who = (k: string) => displayPackageId(ws.resolve.packages.get(k)!.id)
    throw new EngineError(
      'manifest-invalid',
      `the crate \`${who(from)}\` depends on crate \`${who(to)}\` multiple times with different names`,
      { hint: 'Use one name (the same `package = …` rename, or none) for every entry of that dependency.' }
    )
  }
  return [...names][0]
}

export interface MetadataResolve {
  /** The keys of the packages in the resolve, sorted as the nodes are. */
  readonly keys: readonly string[]
  readonly nodes: readonly OrderedObject[]
}

export function metadataResolve(
  ws: ResolvedWorkspace,
  targeted: TargetedResolve,
  filter: PlatformFilter | undefined
): MetadataResolve {
  const nodes = new Map<string, OrderedObject>()
  const idOf = (key: string) => packageIdSpecString(targeted.packages.get(key)!.id)
  const visit = (key: string): void => {
    if (nodes.has(key)) return
    const pkg = targeted.packages.get(key)
    if (!pkg) throw new Error(`package ${key} is not in the targeted resolve`)
    const deps: { key: string; node: OrderedObject }[] = []
    for (const group of pkg.deps) {
      if (
        filter &&
        !filter.kinds.some((k) => group.deps.some((d) => platformActivated(filter.targetData, d.target, k)))
      )
        continue
      const name = externName(ws, key, group.pkg, group.deps)
      if (name === undefined) continue
      const kinds = [...group.deps].sort(compareDepKinds).map((d) =>
        obj([
          ['kind', d.kind === 'normal' ? null : d.kind],
          ['target', d.target === undefined ? null : displayPlatform(d.target)]
        ])
      )
      deps.push({
        key: group.pkg,
        node: obj([
          ['name', name],
          ['pkg', idOf(group.pkg)],
          ['dep_kinds', dedupe(kinds)]
        ])
      })
    }
    nodes.set(
      key,
      obj([
        ['id', idOf(key)],
        ['dependencies', deps.map((d) => idOf(d.key))],
        ['deps', deps.map((d) => d.node)],
        ['features', [...pkg.features]]
      ])
    )
    for (const d of deps) visit(d.key)
  }
  for (const member of targeted.members) visit(member)
  const keys = [...targeted.packages.keys()].filter((k) => nodes.has(k))
  return { keys, nodes: keys.map((k) => nodes.get(k)!) }
}

function dedupe(kinds: OrderedObject[]): OrderedObject[] {
  const seen = new Set<string>()
  return kinds.filter((k) => {
    const text = JSON.stringify(k.entries)
    if (seen.has(text)) return false
    seen.add(text)
    return true
  })
}
