/**
 * The normalized manifest: what a Cargo.toml means, after defaults, aliases and the 2014
 * dialect are resolved. Reading produces it; nothing writes it back (edits go through the
 * format-preserving editor, never through this model).
 */
import type {
  DependencyKind,
  DependencySource,
  Edition,
  ManifestFormat,
  ManifestWarning,
  TargetKind
} from '@shared/models/package'

/** `build` in `[package]`: today a script path or a switch; in 2014 a command to run. */
export type BuildSetting =
  | { readonly type: 'auto' }
  | { readonly type: 'none' }
  | { readonly type: 'script'; readonly path: string }
  | { readonly type: 'command'; readonly command: string }

export interface PackageMeta {
  readonly name: string
  readonly version: string
  readonly edition: Edition
  /** Whether `edition` was written; cargo warns when it is not. */
  readonly editionExplicit: boolean
  readonly authors: readonly string[]
  readonly description?: string
  readonly license?: string
  readonly licenseFile?: string
  readonly homepage?: string
  readonly repository?: string
  readonly documentation?: string
  readonly readme?: string
  readonly rustVersion?: string
  readonly links?: string
  readonly defaultRun?: string
  readonly build: BuildSetting
  readonly autobins?: boolean
  readonly autoexamples?: boolean
  readonly autotests?: boolean
  readonly autobenches?: boolean
  readonly keywords: readonly string[]
  readonly categories: readonly string[]
  /** `publish = false` → `[]`; a list of registry names; undefined: anywhere (cargo metadata prints null). */
  readonly publish?: readonly string[]
  /** `[package.metadata]` as plain JSON, for tools (`cargo metadata` passes it through). */
  readonly metadata?: JsonValue
  readonly include?: readonly string[]
  readonly exclude?: readonly string[]
  /** `resolver = "1" | "2" | "3"` as written. */
  readonly resolver?: string
}

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [k: string]: JsonValue }

/** A target as declared in the manifest, before discovery fills in the gaps. */
export interface TargetDecl {
  readonly name?: string
  readonly path?: string
  readonly crateTypes?: readonly string[]
  readonly procMacro?: boolean
  readonly edition?: Edition
  readonly requiredFeatures: readonly string[]
  readonly test?: boolean
  readonly doctest?: boolean
  readonly bench?: boolean
  readonly doc?: boolean
  readonly harness?: boolean
  /** The manifest line that declares it, for errors. */
  readonly line?: number
}

export interface Dependency {
  readonly name: string
  readonly packageName: string
  readonly kind: DependencyKind
  readonly versionReq?: string
  readonly source: DependencySource
  readonly optional: boolean
  readonly defaultFeatures: boolean
  readonly features: readonly string[]
  readonly platform?: string
  readonly line?: number
}

/** One `[lints.TOOL]` entry: rustc gets `--LEVEL=NAME` (tool lints as `TOOL::NAME`). */
export interface LintDecl {
  readonly tool: string
  readonly name: string
  readonly level: 'allow' | 'warn' | 'deny' | 'forbid'
  readonly priority: number
}

/** A `[replace]` entry: the package ID spec it replaces and the dependency that replaces it. */
export interface Replacement {
  readonly spec: string
  readonly dep: Dependency
}

/** A `[profile.NAME]` table as written; the compiler turns it into rustc flags. */
export interface ProfileDecl {
  readonly optLevel?: string
  readonly debug?: number
  readonly debugAssertions?: boolean
  readonly overflowChecks?: boolean
  readonly incremental?: boolean
  readonly codegenUnits?: number
  readonly panic?: 'unwind' | 'abort'
  readonly lto?: string
  readonly strip?: string
  readonly inherits?: string
}

export interface Manifest {
  /** Absolute path of the Cargo.toml. */
  readonly path: string
  /** The package directory. */
  readonly rootDir: string
  readonly format: ManifestFormat
  /** Whether the library was declared as the 2014 `[[lib]]` array. */
  readonly legacyLibArray: boolean
  readonly package: PackageMeta
  readonly lib?: TargetDecl
  readonly bins: readonly TargetDecl[]
  readonly examples: readonly TargetDecl[]
  readonly tests: readonly TargetDecl[]
  readonly benches: readonly TargetDecl[]
  readonly dependencies: readonly Dependency[]
  readonly features: Readonly<Record<string, readonly string[]>>
  readonly profiles: Readonly<Record<string, ProfileDecl>>
  /** `[patch.<registry name or URL>]`: the dependencies that take the place of that source's. */
  readonly patch: Readonly<Record<string, readonly Dependency[]>>
  readonly replace: readonly Replacement[]
  /** `[lints]` (after workspace inheritance), passed to rustc for the package's own crates. */
  readonly lints: readonly LintDecl[]
  readonly warnings: readonly ManifestWarning[]
}

/** A target after discovery: everything rustc needs to know about one crate root. */
export interface Target {
  readonly kind: TargetKind
  readonly name: string
  readonly crateName: string
  /** Absolute path of the crate root. */
  readonly srcPath: string
  readonly crateTypes: readonly string[]
  readonly edition: Edition
  readonly requiredFeatures: readonly string[]
  readonly tested: boolean
  /** `bench = true` (the default for the library, binaries and benches): what `cargo bench` runs. */
  readonly benched: boolean
  readonly doctested: boolean
  readonly documented: boolean
  readonly harness: boolean
  readonly origin: 'manifest' | 'discovered'
}

/** A manifest with its targets discovered: the unit the resolver and compiler work on. */
export interface Package {
  readonly manifest: Manifest
  readonly targets: readonly Target[]
  /** Absolute path of the build script (build.rs), when the package has one. */
  readonly buildScript?: string
  readonly warnings: readonly ManifestWarning[]
}
