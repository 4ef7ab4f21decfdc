/**
 * The dependency resolver's answer: which version of which package every dependency edge uses.
 * It is platform-independent (every target's dependencies are resolved, as cargo does for
 * Cargo.lock); builds filter it by platform and features afterwards.
 */
import type { DepKind, PackageSource, Summary } from '../../sources/summary'
import { sourceIdString, type SourceId } from '../../sources/source-id'

export interface PackageId {
  readonly name: string
  readonly version: string
  readonly source: SourceId
}

/** A stable key for maps: `name version (source)`, as cargo prints a package ID. */
export function packageIdKey(id: PackageId): string {
  return `${id.name} ${id.version} (${sourceIdString(id.source)})`
}

export interface DepKindInfo {
  readonly kind: DepKind
  readonly target?: string
}

export interface ResolvedDep {
  /** The name the depending package uses (renamed dependencies keep their new name). */
  readonly name: string
  /** `packageIdKey` of the package chosen. */
  readonly pkg: string
  /** Every way the edge is declared (normal and build, several targets…), deduplicated. */
  readonly kinds: readonly DepKindInfo[]
}

export interface ResolvedPackage {
  readonly id: PackageId
  readonly summary: Summary
  readonly deps: readonly ResolvedDep[]
}

export interface Resolve {
  /** Keyed by `packageIdKey`. */
  readonly packages: ReadonlyMap<string, ResolvedPackage>
  /** The root (workspace member) packages' keys, in the order given. */
  readonly roots: readonly string[]
}

/** A package pinned by an existing Cargo.lock, preferred when it still satisfies the requirement. */
export interface LockedPackage {
  readonly id: PackageId
  readonly checksum?: string
  /** Lock-file dependency entries (`name`, `name version` or `name version (source)`). */
  readonly dependencies: readonly string[]
}

export interface ResolveInput {
  /** The workspace members (path packages): their dev-dependencies count, nobody else's do. */
  readonly roots: readonly Summary[]
  /** The source serving a source ID (registries after `[source]` replacement, git, path). */
  readonly sourceFor: (id: SourceId) => PackageSource
  /** From Cargo.lock; each is kept if its requirement still matches. */
  readonly locked?: readonly LockedPackage[]
  /** `[patch.<source>]`: summaries that take the place of that source's versions. */
  readonly patches?: ReadonlyMap<string, readonly Summary[]>
  /** Packages allowed to move off their locked version (`update -p`); undefined: keep every lock. */
  readonly unlock?: (id: PackageId) => boolean
}
