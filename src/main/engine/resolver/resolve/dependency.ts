/**
 * A dependency as the resolver handles it (cargo's `Dependency`): a summary's edge with its
 * requirement parsed, its source's identity, and possibly locked to one version by Cargo.lock.
 * Its `key` is its identity for the caches, which cargo keys by the whole dependency.
 */
import { EngineError } from '../../errors'
import type { SourceId } from '../../sources/source-id'
import type { DepKind, Summary, SummaryDep } from '../../sources/summary'
import { matchesVersionReq } from '../version-match'
import { parseVersionReq, type VersionReq } from '../version-req'
import { displayPackageId, sourceKey, summaryId } from './package-keys'
import type { PackageId } from './resolve-types'
import { sameVersionIgnoringBuild } from './version-order'
import { formatReq } from '../format-req'

export interface Dep {
  readonly key: string
  /** The name in the depending manifest (differs from `packageName` when renamed). */
  readonly name: string
  readonly packageName: string
  readonly req: VersionReq
  /** The requirement as cargo prints it (`^1.2`, `=1.0.0`, `*`). */
  readonly reqText: string
  /** Set when Cargo.lock pins the dependency: only this version matches. */
  readonly locked?: string
  readonly source: SourceId
  readonly sourceKey: string
  readonly kind: DepKind
  readonly target?: string
  readonly optional: boolean
  readonly defaultFeatures: boolean
  readonly features: readonly string[]
}

function withKey(dep: Omit<Dep, 'key'>): Dep {
  const key = [
    dep.name,
    dep.packageName,
    dep.reqText,
    dep.locked ?? '',
    dep.sourceKey,
    dep.kind,
    dep.target ?? '',
    dep.optional ? 'o' : '',
    dep.defaultFeatures ? 'd' : '',
    dep.features.join(',')
  ].join('\u0000')
  return { ...dep, key }
}

/** The resolver's view of a summary's dependency; a requirement cargo cannot parse is an error. */
export function depOf(d: SummaryDep, owner: Summary): Dep {
  const parsed = parseVersionReq(d.req)
  if (!parsed.ok)
    throw new EngineError(
      'manifest-invalid',
      `failed to parse the version requirement \`${d.req}\` for dependency \`${d.name}\` of package \`${displayPackageId(summaryId(owner))}\`: ${parsed.error}`,
      { hint: 'Fix the requirement in that package’s manifest (for example `1.2` or `>=1, <3`).' }
    )
  return withKey({
    name: d.name,
    packageName: d.packageName,
    req: parsed.req,
    reqText: formatReq(parsed.req),
    source: d.source,
    sourceKey: sourceKey(d.source),
    kind: d.kind,
    ...(d.target !== undefined ? { target: d.target } : {}),
    optional: d.optional,
    defaultFeatures: d.defaultFeatures,
    features: d.features
  })
}

/** cargo's `lock_to`: exactly this package, from its (precise) source. */
export function lockDepTo(dep: Dep, id: PackageId): Dep {
  const { key: _key, ...rest } = dep
  return withKey({ ...rest, locked: id.version, reqText: `=${id.version}`, source: id.source })
}

/** cargo's `lock_version`: this version, from whatever source serves it (a `[patch]`). */
export function lockDepVersion(dep: Dep, version: string): Dep {
  const { key: _key, ...rest } = dep
  return withKey({ ...rest, locked: version, reqText: `=${version}` })
}

export function depMatchesVersion(dep: Dep, version: string): boolean {
  return dep.locked !== undefined
    ? sameVersionIgnoringBuild(dep.locked, version)
    : matchesVersionReq(dep.req, version)
}

/** Name and version match; the source is not compared (a `[patch]` serves another source's name). */
export function depMatchesIgnoringSource(dep: Dep, id: PackageId): boolean {
  return dep.packageName === id.name && depMatchesVersion(dep, id.version)
}

export function depMatchesId(dep: Dep, id: PackageId): boolean {
  return depMatchesIgnoringSource(dep, id) && dep.sourceKey === sourceKey(id.source)
}

/** Dev-dependencies are not transitive: they never reach a dependent, and may form cycles. */
export function isTransitive(dep: Dep): boolean {
  return dep.kind !== 'dev'
}
