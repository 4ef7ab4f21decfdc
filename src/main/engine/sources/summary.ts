/**
 * One version of one package as a source lists it: what the resolver needs to choose versions,
 * without reading the package's files. Registry indexes (directory or sparse) produce these;
 * path and git packages produce them from their manifests.
 */
import type { SourceId } from './source-id'

export type DepKind = 'normal' | 'dev' | 'build'

export interface SummaryDep {
  /** The name the depending package uses (the manifest key; differs from `packageName` when renamed). */
  readonly name: string
  /** The package asked for (`package = "…"`, else `name`). */
  readonly packageName: string
  /** A Cargo version requirement (`*` when none was written). */
  readonly req: string
  readonly kind: DepKind
  readonly optional: boolean
  readonly defaultFeatures: boolean
  readonly features: readonly string[]
  /** A `cfg(…)` expression or a target triple, when the dependency is platform-specific. */
  readonly target?: string
  /** Where the dependency comes from; a registry dependency without one uses the depending package's registry. */
  readonly source: SourceId
}

export interface Summary {
  readonly name: string
  /** A full semver version, as written by the source. */
  readonly version: string
  readonly source: SourceId
  readonly deps: readonly SummaryDep[]
  /** `features` and `features2` merged, as written (`dep:x`, `x/y`, `x?/y` kept). */
  readonly features: Readonly<Record<string, readonly string[]>>
  /** The `.crate` file's sha256 (registry packages); Cargo.lock's `checksum`. */
  readonly checksum?: string
  readonly yanked: boolean
  readonly links?: string
  readonly rustVersion?: string
}

/** Every version of a package in one source, newest first is not promised: the resolver sorts. */
export interface PackageSource {
  readonly id: SourceId
  /** All versions of `packageName`; an empty list when the source does not have it. */
  query(packageName: string): Promise<readonly Summary[]>
  /**
   * The package's unpacked sources (a directory with its Cargo.toml), fetched and verified if
   * needed. Throws a clear `EngineError` on a checksum mismatch or a network failure.
   */
  download(summary: Summary): Promise<string>
}
