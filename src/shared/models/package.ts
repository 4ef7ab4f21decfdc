/** What the UI and the CLI know about an opened package: plain data, no behaviour. */
import type { WorkspaceSnapshot } from './workspace'

export const EDITIONS = ['2015', '2018', '2021', '2024'] as const
export type Edition = (typeof EDITIONS)[number]
export const DEFAULT_EDITION: Edition = '2024'

export type TargetKind = 'lib' | 'bin' | 'example' | 'test' | 'bench'

/** A crate of the package: its root file and how rustc builds it. */
export interface TargetSummary {
  readonly kind: TargetKind
  /** The target's name as written in the manifest (may contain `-`). */
  readonly name: string
  /** The name rustc sees: `-` replaced by `_`. */
  readonly crateName: string
  /** Crate root, relative to the package directory, with `/` separators. */
  readonly path: string
  readonly crateTypes: readonly string[]
  readonly edition: Edition
  readonly requiredFeatures: readonly string[]
  /** Whether the target was listed in the manifest or found by Cargo's layout rules. */
  readonly origin: 'manifest' | 'discovered'
}

export type DependencyKind = 'normal' | 'dev' | 'build'

export type DependencySource =
  | { readonly type: 'path'; readonly path: string }
  | { readonly type: 'git'; readonly url: string; readonly reference?: GitReference }
  | { readonly type: 'registry'; readonly registry?: string }

export type GitReference =
  | { readonly type: 'branch'; readonly value: string }
  | { readonly type: 'tag'; readonly value: string }
  | { readonly type: 'rev'; readonly value: string }

export interface DependencySummary {
  /** The key in the manifest; the crate is known by this name in code (with `-` → `_`). */
  readonly name: string
  /** The package actually depended upon (differs from `name` when renamed). */
  readonly packageName: string
  readonly kind: DependencyKind
  readonly versionReq?: string
  readonly source: DependencySource
  readonly optional: boolean
  readonly defaultFeatures: boolean
  readonly features: readonly string[]
  /** A `cfg(...)` expression or target triple from a `[target.X.dependencies]` table. */
  readonly platform?: string
}

/** Which manifest dialect the file is written in. 2014 manifests use `[[lib]]`. */
export type ManifestFormat = 'current' | '2014'

export interface PackageSummary {
  readonly name: string
  readonly version: string
  readonly edition: Edition
  readonly authors: readonly string[]
  readonly description?: string
  readonly license?: string
  readonly manifestPath: string
  readonly rootDir: string
  readonly format: ManifestFormat
  /** The 2014 `build = "COMMAND"`, run before rustc. */
  readonly buildCommand?: string
  readonly defaultRun?: string
  readonly targets: readonly TargetSummary[]
  readonly dependencies: readonly DependencySummary[]
  readonly features: Readonly<Record<string, readonly string[]>>
}

/** A notice about the manifest that does not stop work, as cargo's `warning:` lines. */
export interface ManifestWarning {
  readonly message: string
  readonly file: string
  readonly line?: number
}

/**
 * An opened project: the package in focus (the opened one, or a workspace's first default
 * member) and every package reachable from it through path dependencies; the workspace when
 * the project is one.
 */
export interface ProjectSnapshot {
  readonly root: PackageSummary
  readonly packages: readonly PackageSummary[]
  readonly warnings: readonly ManifestWarning[]
  readonly workspace?: WorkspaceSnapshot
}
