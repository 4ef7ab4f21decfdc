/**
 * A workspace after dependency resolution, with every package in the resolve read from disk
 * (path folders, git checkouts, registry sources): what `metadata`, `tree`, the dependency view
 * and the build plan start from.
 */
import type { Package } from '../manifest/model'
import type { PackageId, Resolve } from '../resolver/resolve/resolve-types'

export interface ResolvedPackageFiles {
  readonly id: PackageId
  /** The package read from its manifest; `manifest.path` is where its Cargo.toml is on disk. */
  readonly pkg: Package
}

export interface ResolvedWorkspace {
  /** The folder holding the root Cargo.toml (the workspace root). */
  readonly rootDir: string
  /** `packageIdKey`s of the members, in manifest order (one today: workspaces come later). */
  readonly members: readonly string[]
  readonly resolve: Resolve
  /** Every package of the resolve, by `packageIdKey`. */
  readonly packages: ReadonlyMap<string, ResolvedPackageFiles>
  /** Where builds go (`target/`, or the configured target directory). */
  readonly targetDir: string
}
