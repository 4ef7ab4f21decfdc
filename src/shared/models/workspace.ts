/**
 * A workspace as the UI shows it: its members, which crates they share and in which versions,
 * and what promoting one to `[workspace.dependencies]` would change.
 */
import type { DependencyKind, PackageSummary } from './package'

export interface WorkspaceSnapshot {
  /** The root Cargo.toml. */
  readonly rootManifest: string
  readonly rootDir: string
  /** A virtual root has `[workspace]` and no `[package]`. */
  readonly virtual: boolean
  readonly resolver: '1' | '2' | '3'
  /** Every member, in cargo's order. */
  readonly members: readonly PackageSummary[]
  /** The members commands build without a selection (`default-members`, or all), by manifest path. */
  readonly defaultMembers: readonly string[]
}

/** One member's declaration of a crate. */
export interface CrateUse {
  readonly member: string
  readonly manifestPath: string
  readonly kind: DependencyKind
  readonly platform?: string
  /** The requirement as written (or inherited). */
  readonly versionReq?: string
  /** Declared with `workspace = true`. */
  readonly inherited: boolean
  /** The version the resolve chose for this member. */
  readonly resolved?: string
}

export interface CrateUsage {
  /** The dependency's key in the members' tables. */
  readonly name: string
  readonly uses: readonly CrateUse[]
  /** The distinct versions the members get, oldest first. */
  readonly versions: readonly string[]
  /** Why it cannot be promoted to `[workspace.dependencies]`; absent when it can. */
  readonly notPromotable?: string
}

export interface WorkspaceDependencyUsage {
  readonly crates: readonly CrateUsage[]
}

/** One manifest a promotion changes, with the bytes it was planned from. */
export interface PromotedFile {
  readonly path: string
  readonly baseHash: string
  readonly before: string
  readonly after: string
}

export interface PromotionPreview {
  readonly name: string
  readonly files: readonly PromotedFile[]
}
