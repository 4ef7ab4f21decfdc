/**
 * What a unit's freshness depends on, in two halves, as in cargo's `Fingerprint`:
 * the inputs known before compiling (toolchain, arguments, features, profile, target,
 * dependencies) and what the last build observed (the files and env vars rustc read, the
 * build script's `rerun-if-*` rules, and when that build started). Only the inputs go into
 * the hash that dependents record, so touching a file rebuilds this unit without changing
 * the identity of its output.
 */
import { createHash } from 'node:crypto'

/** A dependency as its dependent records it: the dependency's own fingerprint hash. */
export interface DependencyFingerprint {
  readonly name: string
  readonly hash: string
}

/** Everything known before the unit runs; equal inputs mean the same command and the same deps. */
export interface FingerprintInputs {
  /** `rustc -vV`'s full text: a different toolchain invalidates everything. */
  readonly rustc: string
  /** `lib`, `bin`, `build-script`, `run-build-script`, …, with the target's name. */
  readonly target: string
  /** The profile settings as a stable string (e.g. the profile's JSON). */
  readonly profile: string
  /** Enabled features, in any order; stored sorted. */
  readonly features: readonly string[]
  /** User flags (`RUSTFLAGS`, `build.rustflags`), kept apart so the reason can name them. */
  readonly rustflags: readonly string[]
  /** The rest of the command, with the target folder written as `<target>` (`normalizeArgs`). */
  readonly args: readonly string[]
  /** In the unit graph's dependency order. */
  readonly deps: readonly DependencyFingerprint[]
}

/** A build script's `cargo::rerun-if-env-changed=NAME`, with the value it ran with. */
export interface RerunEnv {
  readonly name: string
  readonly value: string | undefined
}

/** What the last successful build saw; compared against the file system and environment. */
export interface BuildObservations {
  /** Absolute paths from rustc's dep-info. */
  readonly files: readonly string[]
  /** Env vars from dep-info (`env!`, `option_env!`), `undefined` meaning "was unset". */
  readonly env: readonly RerunEnv[]
  /** Absolute `rerun-if-changed` paths (build-script runs only). */
  readonly rerunIfChanged: readonly string[]
  readonly rerunIfEnvChanged: readonly RerunEnv[]
  /**
   * Wall-clock nanoseconds when the build started (cargo's dep-info mtime). A file newer
   * than this changed after rustc may have read it, so edits during a build are not lost.
   */
  readonly startedAtNs: bigint
}

/** The stored record: written only after the unit's artifacts are complete. */
export interface Fingerprint {
  readonly inputs: FingerprintInputs
  readonly observed: BuildObservations
}

/** Canonical inputs: features sorted, so their order never causes a rebuild. */
export function canonicalInputs(inputs: FingerprintInputs): FingerprintInputs {
  return { ...inputs, features: [...inputs.features].sort() }
}

/**
 * The hash dependents record. Stable across processes: JSON with a fixed key order. Cargo
 * likewise hashes a dep-info-based local fingerprint by path, never by mtime.
 */
export function fingerprintHash(inputs: FingerprintInputs): string {
  const c = canonicalInputs(inputs)
  const ordered = [
    c.rustc,
    c.target,
    c.profile,
    c.features,
    c.rustflags,
    c.args,
    c.deps.map((d) => [d.name, d.hash])
  ]
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex').slice(0, 16)
}

/**
 * Replaces the target folder in arguments with `<target>`, so moving or renaming it does not
 * rebuild everything (cargo leaves the target folder out of fingerprints too).
 */
export function normalizeArgs(args: readonly string[], targetDir: string): string[] {
  return args.map((a) => a.split(targetDir).join('<target>'))
}
