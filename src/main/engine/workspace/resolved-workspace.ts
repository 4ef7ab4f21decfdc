/**
 * A workspace after dependency resolution, with every package in the resolve read from disk
 * (path folders, git checkouts, registry sources): what `metadata`, `tree`, the dependency view
 * and the build plan start from.
 */
import type { JsonValue, Package } from '../manifest/model'
import type { PackageId, Resolve } from '../resolver/resolve/resolve-types'

export interface ResolvedPackageFiles {
  readonly id: PackageId
  /** The package read from its manifest; `manifest.path` is where its Cargo.toml is on disk. */
  readonly pkg: Package
}

export interface ResolvedWorkspace {
  /** The folder holding the root Cargo.toml (the workspace root). */
  readonly rootDir: string
  /** `packageIdKey`s of the members, in cargo's order. */
  readonly members: readonly string[]
  /** The members commands select without `-p`/`--workspace` (`default-members`, all, or the current one). */
  readonly defaultMembers: readonly string[]
  /** The package of the manifest the command was given; undefined for a virtual root. */
  readonly current?: string
  /** The workspace's resolver: `workspace.resolver`, else the root package's, else its edition's default. */
  readonly resolver: '1' | '2' | '3'
  /** Whether the root manifest is virtual (no `[package]`): cargo's newer feature-flag rules apply then. */
  readonly virtual: boolean
  /** `[workspace.metadata]`, for `cargo metadata`. */
  readonly metadata?: JsonValue
  readonly resolve: Resolve
  /** Every package of the resolve, by `packageIdKey`. */
  readonly packages: ReadonlyMap<string, ResolvedPackageFiles>
  /** Where builds go (`target/`, or the configured target directory). */
  readonly targetDir: string
}
