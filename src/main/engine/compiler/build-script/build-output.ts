/**
 * What a build script told cargo on stdout, as typed data: the compiler flags, link settings,
 * rerun triggers, messages and `links` metadata that cargo's `BuildOutput` holds after a run.
 * Later steps turn these into rustc arguments, fingerprints and `DEP_*` variables.
 */
import type { TargetKind } from '@shared/models/package'

/** `rustc-link-lib=[KIND[:MODIFIERS]=]NAME[:RENAME]`; `value` is what follows rustc's `-l`. */
export interface LinkLib {
  readonly value: string
  readonly kind?: string
  readonly modifiers?: string
  readonly name: string
  readonly rename?: string
}

/** The kinds rustc accepts before `=` in `-L KIND=PATH`. */
export const SEARCH_PATH_KINDS: readonly string[] = ['dependency', 'crate', 'native', 'framework', 'all']

/**
 * `rustc-link-search=[KIND=]PATH`; `value` is what follows rustc's `-L`. Paths inside the
 * script's OUT_DIR go to the linker before outside ones (cargo's `CargoArtifact` vs `External`).
 */
export interface LibraryPath {
  readonly value: string
  readonly kind?: string
  readonly path: string
  readonly inOutDir: boolean
}

/** Which targets a `rustc-link-arg*` instruction applies to. */
export type LinkArgTarget =
  | { readonly type: 'all' | 'cdylib' | 'bins' | 'tests' | 'benches' | 'examples' }
  | { readonly type: 'bin'; readonly bin: string }

export interface LinkerArg {
  readonly target: LinkArgTarget
  readonly arg: string
}

/** `cargo::warning=` and `cargo::error=`: shown after the script ran; an error fails the build. */
export interface LogMessage {
  readonly severity: 'error' | 'warning'
  readonly message: string
}

export interface KeyValue {
  readonly key: string
  readonly value: string
}

/** The parsed stdout of one build-script run, in the order the script printed each kind. */
export interface BuildScriptOutput {
  readonly libraryPaths: readonly LibraryPath[]
  readonly libraryLinks: readonly LinkLib[]
  readonly linkerArgs: readonly LinkerArg[]
  readonly cfgs: readonly string[]
  readonly checkCfgs: readonly string[]
  /** `rustc-env=VAR=VALUE`: set when compiling the package's crates. */
  readonly env: readonly KeyValue[]
  /** `links` metadata, handed to direct dependents' build scripts as `DEP_<LINKS>_<KEY>`. */
  readonly metadata: readonly KeyValue[]
  /** As printed: relative paths are relative to the package root. */
  readonly rerunIfChanged: readonly string[]
  readonly rerunIfEnvChanged: readonly string[]
  readonly logMessages: readonly LogMessage[]
}

/** The part of a target the instructions are checked against. */
export interface ScriptTarget {
  readonly kind: TargetKind
  readonly name: string
  readonly crateTypes: readonly string[]
}

/** What the parser needs to know about the package whose script ran. */
export interface BuildScriptContext {
  /** cargo's package display, `p v0.1.0 (/work/p)`, used in every message. */
  readonly packageDescr: string
  /** `package.rust-version`: the `cargo::` syntax needs 1.77 or later. */
  readonly rustVersion?: string
  readonly targets: readonly ScriptTarget[]
  /** The lib target's crate name, which `RUSTC_BOOTSTRAP=<name>` may allow. */
  readonly libraryName?: string
  /** A nightly toolchain (or `RUSTC_BOOTSTRAP=1`): setting RUSTC_BOOTSTRAP is then only a warning. */
  readonly nightlyFeaturesAllowed?: boolean
  /** RUSTC_BOOTSTRAP in cargo's own environment, if any. */
  readonly rustcBootstrapEnv?: string
  /** The script's OUT_DIR, to order search paths; and where it was when the output was saved. */
  readonly outDir?: string
  readonly outDirWhenGenerated?: string
  /** Where the output is stored (target/…/output), named in errors. */
  readonly file?: string
}
