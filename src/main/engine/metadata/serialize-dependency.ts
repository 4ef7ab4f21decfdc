/**
 * A package's `dependencies` in `cargo metadata`: every manifest entry in cargo's order
 * (plain tables first, then `[target.…]` tables by key; normal, dev, build at the top and
 * normal, build, dev inside a target; names sorted), each with cargo's fields and nulls.
 */
import { resolve } from 'node:path'
import type { Dependency, Manifest } from '../manifest/model'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import { samePlatform } from '../resolver/feature-resolver/resolve-edges'
import { CRATES_IO, sourceIdString, type GitRef, type SourceId } from '../sources/source-id'
import type { Summary } from '../sources/summary'
import { formatVersionReq } from '../resolver/format-req'
import { obj, type OrderedObject } from './json-text'
import { displayPlatform } from './platform-display'

const TOP_RANK = { normal: 0, dev: 1, build: 2 } as const
const TARGET_RANK = { normal: 0, build: 1, dev: 2 } as const

export function cargoDependencyOrder(deps: readonly Dependency[]): Dependency[] {
  return [...deps].sort((a, b) => {
    if ((a.platform === undefined) !== (b.platform === undefined)) return a.platform === undefined ? -1 : 1
    const p = compareStrings(a.platform ?? '', b.platform ?? '')
    if (p !== 0) return p
    const rank = a.platform === undefined ? TOP_RANK : TARGET_RANK
    return rank[a.kind] - rank[b.kind] || compareStrings(a.name, b.name)
  })
}

function gitSource(url: string, ref: GitRef | undefined): SourceId {
  return { kind: 'git', url, ref: ref ?? { type: 'default' } }
}

/** The dependency's source: the resolver's summary knows named registries; the manifest the rest. */
function sourceOf(dep: Dependency, summary: Summary | undefined): SourceId | undefined {
  const fromSummary = summary?.deps.find(
    (d) => d.name === dep.name && d.kind === dep.kind && samePlatform(d.target, dep.platform)
  )?.source
  switch (dep.source.type) {
    case 'path':
      // Inside a git checkout, a path dependency is part of the same repository and commit.
      return fromSummary && fromSummary.kind !== 'path' ? fromSummary : undefined
    case 'git':
      return gitSource(dep.source.url, dep.source.reference)
    case 'registry':
      return fromSummary && fromSummary.kind !== 'path' && fromSummary.kind !== 'git'
        ? fromSummary
        : CRATES_IO
  }
}

/** A named (non-default) registry's index URL; null for crates.io and non-registry sources. */
function registryUrl(dep: Dependency, source: SourceId | undefined): string | null {
  if (dep.source.type !== 'registry' || dep.source.registry === undefined || !source) return null
  if (source.kind === 'registry') return source.url
  return source.kind === 'sparse' ? `sparse+${source.url}` : null
}

export function serializeDependency(
  dep: Dependency,
  manifest: Manifest,
  summary: Summary | undefined
): OrderedObject {
  const source = sourceOf(dep, summary)
  const entries: [string, OrderedObject['entries'][number][1]][] = [
    ['name', dep.packageName],
    ['source', source ? sourceIdString(source) : null],
    ['req', formatVersionReq(dep.versionReq)],
    ['kind', dep.kind === 'normal' ? null : dep.kind],
    ['rename', dep.name !== dep.packageName ? dep.name : null],
    ['optional', dep.optional],
    ['uses_default_features', dep.defaultFeatures],
    ['features', [...dep.features]],
    ['target', dep.platform !== undefined ? displayPlatform(dep.platform) : null],
    ['registry', registryUrl(dep, source)]
  ]
  if (dep.source.type === 'path' && !source)
    entries.push(['path', resolve(manifest.rootDir, dep.source.path)])
  return obj(entries)
}
