/**
 * The dependency resolver's answer: which version of which package every dependency edge uses.
 * It is platform-independent (every target's dependencies are resolved, as cargo does for
 * Cargo.lock); builds filter it by platform and features afterwards.
 */
import type { DepKind, PackageSource, Summary } from '../../sources/summary'
import { sourceIdString, type SourceId } from '../../sources/source-id'
import type { ReplaceSpec } from './replace-spec'

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
  /**
   * When `[replace]` swapped the package: the key of the one the dependency resolved to (in
   * `Resolve.replaced`). `pkg` is then its replacement, which builds, metadata and tree use;
   * Cargo.lock names this one.
   */
  readonly replaced?: string
}

export interface ResolvedPackage {
  readonly id: PackageId
  readonly summary: Summary
  readonly deps: readonly ResolvedDep[]
}

/** A package `[replace]` took out of the graph: Cargo.lock still lists it, pointing at its stand-in. */
export interface ReplacedPackage {
  readonly id: PackageId
  /** The source's checksum (Cargo.lock keeps it on the replaced entry). */
  readonly checksum?: string
  /** `packageIdKey` of the package used in its place (in `Resolve.packages`). */
  readonly replacement: string
}

export interface Resolve {
  /** Keyed by `packageIdKey`. Packages replaced through `[replace]` are not here but in `replaced`. */
  readonly packages: ReadonlyMap<string, ResolvedPackage>
  /** `[replace]`d packages by `packageIdKey`; absent or empty when nothing was replaced. */
  readonly replaced?: ReadonlyMap<string, ReplacedPackage>
  /** The root (workspace member) packages' keys, in the order given. */
  readonly roots: readonly string[]
  /** `[patch]` entries no dependency used (Cargo.lock's `[[patch.unused]]`), sorted. */
  readonly unusedPatches: readonly PackageId[]
  /** cargo's warnings, worded as cargo words them (an unused patch, …), without the `warning: ` prefix. */
  readonly warnings: readonly string[]
}

/** How far the resolver got, for a progress line: the distinct packages asked of the sources so far. */
export interface ResolveProgress {
  readonly queried: number
}

/** cargo's `resolver.incompatible-rust-versions` (config); its default depends on the resolver version. */
export type IncompatibleRustVersions = 'allow' | 'fallback'

/** How a source is named in errors ("location searched: …"). */
export interface SourceDescription {
  readonly text: string
  /** Served through `[source]` replacement (vendored): cargo then hints at re-vendoring. */
  readonly replaced: boolean
}

/** A package pinned by an existing Cargo.lock, preferred when it still satisfies the requirement. */
export interface LockedPackage {
  readonly id: PackageId
  readonly checksum?: string
  /** Lock-file dependency entries (`name`, `name version` or `name version (source)`). */
  readonly dependencies: readonly string[]
  /** The lock's `replace`: the package `[replace]` used in this one's place (a git one keeps its commit). */
  readonly replace?: PackageId
}

/** A `[replace]` entry as the resolver takes it: which packages it matches and where their stand-in is. */
export interface ReplaceEntry {
  readonly spec: ReplaceSpec
  /** The replacement's source: a path, or a git repository (cargo refuses registries here). */
  readonly source: SourceId
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
  /** `[replace]`, in manifest order: every candidate a spec matches is swapped for its stand-in. */
  readonly replacements?: readonly ReplaceEntry[]
  /** Packages allowed to move off their locked version (`update -p`); undefined: keep every lock. */
  readonly unlock?: (id: PackageId) => boolean
  /**
   * The workspace's `resolver` (from the root manifest or its edition). Only `3` matters here: it
   * makes `incompatibleRustVersions` default to `fallback`, as cargo 1.84+ does.
   */
  readonly resolverVersion?: '1' | '2' | '3'
  /** An explicit `resolver.incompatible-rust-versions` from config; wins over the resolver's default. */
  readonly incompatibleRustVersions?: IncompatibleRustVersions
  /**
   * The toolchain's version (`rustc -V`, e.g. `1.95.0`): with `fallback` and no root declaring
   * `rust-version`, cargo prefers dependencies compatible with it.
   */
  readonly rustcVersion?: string
  /** Names a source for errors; default: cargo's plain description of the source ID. */
  readonly describeSource?: (id: SourceId) => SourceDescription
  /** Called whenever another package has been asked of a source. */
  readonly onProgress?: (progress: ResolveProgress) => void
  /** Cancels the resolution: `resolve` then rejects with a `cancelled` EngineError. */
  readonly signal?: AbortSignal
}
