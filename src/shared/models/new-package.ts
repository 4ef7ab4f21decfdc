import type { Edition } from './package'

export type PackageKind = 'bin' | 'lib'
export type Vcs = 'git' | 'none'

/** Everything the wizard and `crate-studio new` can choose. */
export interface NewPackageOptions {
  /** The directory to create; it must not already hold a package. */
  readonly path: string
  readonly name: string
  readonly kind: PackageKind
  readonly edition: Edition
  readonly version: string
  readonly authors: readonly string[]
  readonly license?: string
  readonly description?: string
  readonly vcs: Vcs
}

/** A problem with one field of the wizard, shown next to that field. */
export interface FieldProblem {
  readonly field: keyof NewPackageOptions
  readonly message: string
  readonly severity: 'error' | 'warning'
}

export interface PlannedFile {
  /** Relative to the package directory, with `/` separators. */
  readonly path: string
  readonly contents: string
}

/** What `new` would write, before anything is written. */
export interface NewPackagePreview {
  readonly directory: string
  readonly files: readonly PlannedFile[]
  readonly problems: readonly FieldProblem[]
  /** Whether `git init` will run (skipped inside an existing repository, as cargo does). */
  readonly initGit: boolean
  /** The workspace the package joins, when its folder is inside one (as `cargo new` decides). */
  readonly workspace?: NewPackageWorkspace
}

export interface NewPackageWorkspace {
  readonly rootManifest: string
  /** The package's folder relative to the workspace root. */
  readonly memberPath: string
  /** The `[workspace.package]` fields the new manifest inherits. */
  readonly inherited: readonly string[]
  /** The root manifest before and after `members` gains the package; absent when it already matches. */
  readonly rootChange?: { readonly before: string; readonly after: string }
}

export interface NewPackageDefaults {
  readonly parentDir: string
  readonly authors: readonly string[]
  readonly edition: Edition
  readonly version: string
  /** The licence from Settings, when one is set. */
  readonly license?: string
}
