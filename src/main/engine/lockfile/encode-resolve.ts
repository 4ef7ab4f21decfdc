/**
 * A `Resolve` in the shape of Cargo.lock (cargo's `encode.rs`): packages in package-ID order,
 * each with its source and checksum as the format writes them, and its dependency entries as
 * short as they can be while still naming one package: `name` when the lock has one version of
 * it, `name version` when it has several, `name version (source)` when one version comes from
 * several sources. Format 1 always writes the long form and keeps checksums in `[metadata]`.
 * A package `[replace]` swapped is listed too, without dependencies but with `replace` naming
 * its stand-in, and its dependents name it rather than the stand-in (cargo's `deps_not_replaced`).
 */
import type { PackageId, Resolve } from '../resolver/resolve/resolve-types'
import type { SourceId } from '../sources/source-id'
import { lockSourceString } from './lock-source'
import type { LockVersion } from './lock-version'
import { compareVersions } from './semver-order'
import { compareSourceKinds, compareSources } from './source-order'
import { compareUtf8 } from './toml-string'

/** One `[[package]]` (or `[[patch.unused]]`) table, its values still unquoted. */
export interface EncodedPackage {
  readonly name: string
  readonly version: string
  readonly source?: string
  readonly checksum?: string
  readonly dependencies: readonly string[]
  /** The `[replace]` stand-in's entry (such a package lists no dependencies). */
  readonly replace?: string
}

/** A `[patch]` entry no dependency used; cargo keeps listing it so it is not re-queried. */
export interface UnusedPatch {
  readonly id: PackageId
  readonly checksum?: string
}

export interface EncodedLock {
  readonly version: LockVersion
  readonly packages: readonly EncodedPackage[]
  readonly unusedPatches: readonly EncodedPackage[]
  /** `[metadata]` entries, sorted as cargo's BTreeMap sorts them. */
  readonly metadata: readonly (readonly [string, string])[]
}

export interface EncodeOptions {
  readonly version: LockVersion
  /** `[metadata]` entries carried over from the previous lock (without format 1's checksum keys). */
  readonly metadata?: ReadonlyMap<string, string>
  /**
   * Overrides the resolve's `unusedPatches` (cargo lists them in the order it found them: each
   * `[patch]` table's keys sorted, source by source; it never sorts them by package ID).
   */
  readonly unusedPatches?: readonly UnusedPatch[]
}

interface Entry {
  readonly name: string
  readonly version?: string
  readonly source?: SourceId
}

/** How many packages of each name and version the lock holds (format 2 on). */
type Counts = ReadonlyMap<string, ReadonlyMap<string, number>>

function countVersions(ids: readonly PackageId[]): Counts {
  const counts = new Map<string, Map<string, number>>()
  for (const id of ids) {
    const byVersion = counts.get(id.name) ?? new Map<string, number>()
    byVersion.set(id.version, (byVersion.get(id.version) ?? 0) + 1)
    counts.set(id.name, byVersion)
  }
  return counts
}

function withoutPrecise(source: SourceId, version: LockVersion): SourceId | undefined {
  if (source.kind === 'path') return undefined
  if (source.kind !== 'git') return source
  // Formats 1 and 2 wrote `branch = "master"` like the default branch.
  const master = version <= 2 && source.ref.type === 'branch' && source.ref.value === 'master'
  return { kind: 'git', url: source.url, ref: master ? { type: 'default' } : source.ref }
}

function entryFor(id: PackageId, counts: Counts | undefined, version: LockVersion): Entry {
  const source = withoutPrecise(id.source, version)
  const byVersion = counts?.get(id.name)
  if (byVersion?.get(id.version) !== 1) return { name: id.name, version: id.version, source }
  return byVersion.size === 1 ? { name: id.name } : { name: id.name, version: id.version }
}

function renderEntry(entry: Entry, version: LockVersion): string {
  const source = entry.source && lockSourceString(entry.source, version, false)
  return `${entry.name}${entry.version === undefined ? '' : ` ${entry.version}`}${source ? ` (${source})` : ''}`
}

function compareOptional<T>(a: T | undefined, b: T | undefined, compare: (x: T, y: T) => number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1
  return compare(a, b)
}

/** cargo sorts entries as data: name, then the version as a string ("0.10.0" < "0.9.0"), then source. */
function compareEntries(a: Entry, b: Entry, version: LockVersion): number {
  return (
    compareUtf8(a.name, b.name) ||
    compareOptional(a.version, b.version, compareUtf8) ||
    compareOptional(
      a.source,
      b.source,
      (x, y) =>
        compareSourceKinds(x, y) ||
        compareUtf8(lockSourceString(x, version, false) ?? '', lockSourceString(y, version, false) ?? '')
    )
  )
}

/** cargo's package-ID order: name, version by semver precedence, then source. */
export function comparePackageIds(a: PackageId, b: PackageId): number {
  return (
    compareUtf8(a.name, b.name) || compareVersions(a.version, b.version) || compareSources(a.source, b.source)
  )
}

interface LockNode {
  readonly id: PackageId
  readonly checksum: string | undefined
  /** Dependency keys as the lock names them (replaced packages, not their stand-ins). */
  readonly deps: readonly string[]
  /** The stand-in's key, for a package `[replace]` swapped. */
  readonly replacement?: string
}

/** Every package Cargo.lock lists, the `[replace]`d ones included, by `packageIdKey`. */
function lockNodes(resolve: Resolve): Map<string, LockNode> {
  const nodes = new Map<string, LockNode>()
  for (const [key, pkg] of resolve.packages) {
    const deps = [...new Set(pkg.deps.map((d) => d.replaced ?? d.pkg))]
    nodes.set(key, { id: pkg.id, checksum: pkg.summary.checksum, deps })
  }
  for (const [key, r] of resolve.replaced ?? [])
    nodes.set(key, { id: r.id, checksum: r.checksum, deps: [], replacement: r.replacement })
  return nodes
}

/** The `Resolve` as lock-file data in the given format. */
export function encodeResolve(resolve: Resolve, options: EncodeOptions): EncodedLock {
  const { version } = options
  const nodes = lockNodes(resolve)
  const resolved = [...nodes.values()].sort((a, b) => comparePackageIds(a.id, b.id))
  const counts = version >= 2 ? countVersions(resolved.map((p) => p.id)) : undefined
  const entryOf = (key: string): Entry => {
    const node = nodes.get(key)
    if (!node) throw new Error(`the resolve has an edge to ${key}, which it does not contain`)
    return entryFor(node.id, counts, version)
  }
  const packages = resolved.map((pkg): EncodedPackage => {
    const entries = pkg.deps.map(entryOf)
    entries.sort((a, b) => compareEntries(a, b, version))
    return {
      name: pkg.id.name,
      version: pkg.id.version,
      source: lockSourceString(pkg.id.source, version),
      checksum: version >= 2 ? pkg.checksum : undefined,
      dependencies: entries.map((e) => renderEntry(e, version)),
      ...(pkg.replacement !== undefined ? { replace: renderEntry(entryOf(pkg.replacement), version) } : {})
    }
  })
  const metadata = new Map(options.metadata ?? [])
  if (version === 1) {
    for (const pkg of resolved.filter((p) => p.id.source.kind !== 'path')) {
      const key = `checksum ${renderEntry(entryFor(pkg.id, undefined, version), version)}`
      metadata.set(key, pkg.checksum ?? '<none>')
    }
  }
  const unused = options.unusedPatches ?? resolve.unusedPatches.map((id): UnusedPatch => ({ id }))
  const unusedPatches = unused.map((patch): EncodedPackage => ({
    name: patch.id.name,
    version: patch.id.version,
    source: lockSourceString(patch.id.source, version),
    checksum: version >= 2 ? patch.checksum : undefined,
    dependencies: []
  }))
  return {
    version,
    packages,
    unusedPatches,
    metadata: [...metadata].sort(([a], [b]) => compareUtf8(a, b))
  }
}
