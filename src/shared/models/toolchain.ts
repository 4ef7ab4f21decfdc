/**
 * What the app knows about the Rust toolchain: the rustc builds use, rustup and its toolchains,
 * and what an open project pins. The start page, the status bar and `crate-studio doctor` show it.
 */

/** Which rule found rustc: the RUSTC variable, PATH, or rustup's folder (`$CARGO_HOME/bin`). */
export type RustcFoundBy = 'RUSTC' | 'PATH' | 'cargo-home'

export interface RustcSummary {
  /** The compiler builds run: the toolchain's own rustc behind a rustup proxy. */
  readonly path: string
  /** `rustc 1.95.0 (59807616e 2026-04-14)` */
  readonly version: string
  readonly host: string
  /** `rustc --print sysroot`; empty when rustc would not say. */
  readonly sysroot: string
  /** The program found (often a rustup proxy in ~/.cargo/bin), and by which rule. */
  readonly program: string
  readonly foundBy: RustcFoundBy
}

export interface RustupInfo {
  readonly path: string
  /** `rustup default`, as a full toolchain name. */
  readonly defaultToolchain?: string
  /** Installed toolchains' full names, as `rustup toolchain list` prints them. */
  readonly toolchains: readonly string[]
  /** `RUSTUP_TOOLCHAIN`, which beats every toolchain file and the default. */
  readonly envOverride?: string
  /** Why the toolchains could not be listed. */
  readonly problem?: string
}

/** A located problem the person can fix (a malformed toolchain file). */
export interface ToolchainProblem {
  readonly message: string
  readonly file?: string
  readonly line?: number
  readonly hint?: string
}

/** What a project pins: a `rust-toolchain(.toml)` file above it, or a `rustup override`. */
export interface ProjectToolchain {
  /** The toolchain file, or for a `rustup override` the folder it was set for. */
  readonly file: string
  readonly source: 'toolchain-file' | 'rustup-override'
  readonly channel?: string
  /** A toolchain folder the file names: reported, never run to inspect it. */
  readonly path?: string
  readonly components: readonly string[]
  readonly targets: readonly string[]
  /** Whether it is there to build with; absent when that cannot be known (no rustup). */
  readonly installed?: boolean
  /** What to do about it: the install command, or why the pin does not apply. */
  readonly hint?: string
  /** The file is malformed: rustup refuses to run any tool in the folder until it is fixed. */
  readonly problem?: ToolchainProblem
}

export interface ToolchainInfo {
  readonly rustc?: RustcSummary
  /** Why there is no usable rustc, with how to fix it. */
  readonly problem?: string
  /** Present only when rustup is installed. */
  readonly rustup?: RustupInfo
  /** Present only when a project was named and it pins a toolchain. */
  readonly project?: ProjectToolchain
}
