/**
 * The manifest editor's data, shared by the forms (renderer) and the format-preserving editor
 * (engine). The forms never write TOML: they send edits, and the engine applies them to the
 * text so that everything the user did not touch stays byte for byte.
 */

/** A TOML value as plain JSON: dates arrive as their TOML text, 64-bit integers as decimal strings. */
export type TomlJson = string | number | boolean | readonly TomlJson[] | { readonly [key: string]: TomlJson }
export type TomlTable = { readonly [key: string]: TomlJson }

/** A key path into the document: `['package', 'version']`, `['bin', 2, 'name']`. */
export type KeyPath = readonly (string | number)[]

/** A dependency table: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, or their `[target.X.…]` forms. */
export interface DependencyTable {
  readonly kind: 'normal' | 'dev' | 'build'
  /** A `cfg(…)` expression or a target triple. */
  readonly target?: string
}

export type DependencySourceSpec =
  | { readonly type: 'registry'; readonly version: string; readonly registry?: string }
  | { readonly type: 'path'; readonly path: string; readonly version?: string }
  | {
      readonly type: 'git'
      readonly url: string
      readonly reference?: { readonly type: 'branch' | 'tag' | 'rev'; readonly value: string }
      readonly version?: string
    }

/** What `cargo add` takes, as data. Written in cargo add's style (`name = "1"` or an inline table). */
export interface DependencySpec {
  readonly source: DependencySourceSpec
  readonly features?: readonly string[]
  readonly defaultFeatures?: boolean
  readonly optional?: boolean
  /** The real package name when the key is a rename (`package = "…"`). */
  readonly package?: string
}

/** The sections edited as raw TOML, because their shape is open-ended. */
export type RawSection = 'patch' | 'replace' | 'lints' | 'badges'

export type ManifestEdit =
  /** Sets a value; creates the tables on the way. Arrays of tables use numeric indexes. */
  | { readonly op: 'set'; readonly path: KeyPath; readonly value: TomlJson }
  | { readonly op: 'delete'; readonly path: KeyPath }
  /** Appends an entry to an array of tables (`[[bin]]`, `[[example]]`, …). */
  | { readonly op: 'append-table'; readonly path: KeyPath; readonly value: TomlTable }
  | {
      readonly op: 'add-dependency'
      readonly table: DependencyTable
      readonly name: string
      readonly spec: DependencySpec
    }
  | { readonly op: 'remove-dependency'; readonly table: DependencyTable; readonly name: string }
  /** An entry in the workspace root's `[workspace.dependencies]`. */
  | { readonly op: 'add-workspace-dependency'; readonly name: string; readonly spec: DependencySpec }
  /** Replaces a whole raw section with the given TOML text (empty text removes it). */
  | { readonly op: 'set-raw-section'; readonly section: RawSection; readonly text: string }
  /** 2014 format → today's: `[[lib]]` → `[lib]`, explicit paths where the defaults changed. */
  | { readonly op: 'modernize' }

export interface ManifestProblem {
  readonly path: KeyPath
  readonly line?: number
  readonly message: string
  readonly severity: 'error' | 'warning'
}

export interface TomlSyntaxError {
  readonly message: string
  readonly line: number
  readonly column: number
}

/** The document as the forms see it: values, where each key is, and what is wrong. */
export interface ManifestView {
  readonly document: TomlTable
  /** Line of each key path, keyed by `JSON.stringify(path)`. */
  readonly lines: Readonly<Record<string, number>>
  readonly format: 'current' | '2014'
  /** The raw sections' own text, for the raw editors. */
  readonly rawSections: Readonly<Partial<Record<RawSection, string>>>
}

/** The outcome of parsing or editing some manifest text. */
export interface ManifestAnalysis {
  readonly text: string
  /** Absent while the text does not parse: the forms are read-only until it does. */
  readonly view?: ManifestView
  readonly syntaxError?: TomlSyntaxError
  readonly problems: readonly ManifestProblem[]
}

/** An opened manifest: the text, and the hash of the bytes on disk it was read from. */
export interface ManifestSnapshot extends ManifestAnalysis {
  readonly path: string
  /** sha256 of the file's bytes when read; a save succeeds only if the file still has them. */
  readonly baseHash: string
}

export interface ManifestSaveResult {
  readonly baseHash: string
}

/** Pushed when a watched manifest changes on disk (an editor, git, cargo). */
export interface ManifestChange {
  readonly path: string
  readonly hash: string
  /** The file's text now, so the renderer can reload or merge without another call. */
  readonly text: string
}
