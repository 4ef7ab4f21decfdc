/**
 * The settings one unit is compiled with, as cargo 1.95's `Profile` holds them after the
 * `[profile.*]` tables, the configuration and the unit's kind (host or not, member or not) have
 * been applied. The built-in starting points are cargo's `Profile::default`, `default_dev` and
 * `default_release`; everything else is layered on top of them.
 */

/** cargo's names for `debug = …`: what `-C debuginfo=` receives (`0`, `1`, `2` or the name). */
export type DebugSetting = 'none' | 'line-directives-only' | 'line-tables-only' | 'limited' | 'full'

export interface Profile {
  /** The profile the unit was built with (`dev`, `release`, `test`, `bench` or a custom one). */
  readonly name: string
  /** The directory under target/: `debug` for dev and test, `release` for release and bench, else the name. */
  readonly dirName: string
  /** The built-in profile at the end of the `inherits` chain: a build script's `PROFILE`. */
  readonly root: 'debug' | 'release'
  /** `0`–`3`, `s` or `z` (any integer cargo accepted is kept; rustc judges it). */
  readonly optLevel: string
  /** How much debuginfo: 0 none, 1 limited or line tables/directives only, 2 full (for `> 0` checks). */
  readonly debuginfo: number
  /** The exact level, as rustc is told it. */
  readonly debug: DebugSetting
  /**
   * A host unit's debuginfo that nobody set for it: cargo drops it (weakens it to `none`) when
   * the unit is not shared with a unit built for the target. Not part of the unit's identity.
   */
  readonly debuginfoDeferred: boolean
  /** `-C split-debuginfo=` (off, packed, unpacked), passed only with debuginfo on. */
  readonly splitDebuginfo?: string
  readonly debugAssertions: boolean
  readonly overflowChecks: boolean
  /** Already false for packages that are not path packages, and after CARGO_INCREMENTAL/`build.incremental`. */
  readonly incremental: boolean
  readonly codegenUnits?: number
  readonly panic: 'unwind' | 'abort'
  /** `false`, `true`, `off`, or a name rustc takes as `-C lto=<name>` (`thin`, `fat`, …). */
  readonly lto: string
  /** `none`, `debuginfo`, `symbols` (or another name rustc judges). */
  readonly strip: string
  /**
   * Nobody set `strip`: cargo strips debuginfo when the unit and all its direct dependencies have
   * none. `strip` holds the answer for the unit alone; `applyStripRule` adds the dependencies.
   */
  readonly stripDeferred: boolean
  readonly rpath: boolean
}

/** The amount behind a debug setting: 0, 1 or 2. */
export function debugAmount(d: DebugSetting): number {
  return d === 'none' ? 0 : d === 'full' ? 2 : 1
}

/** cargo's `Profile::default`: the base every built-in profile changes a few fields of. */
const DEFAULT: Profile = {
  name: '',
  dirName: '',
  root: 'debug',
  optLevel: '0',
  debuginfo: 0,
  debug: 'none',
  debuginfoDeferred: false,
  debugAssertions: false,
  overflowChecks: false,
  incremental: false,
  panic: 'unwind',
  lto: 'false',
  strip: 'none',
  stripDeferred: true,
  rpath: false
}

/** `dev`: unoptimised, full debuginfo, assertions and overflow checks, incremental. */
export const DEV_DEFAULTS: Profile = {
  ...DEFAULT,
  name: 'dev',
  dirName: 'debug',
  debuginfo: 2,
  debug: 'full',
  debugAssertions: true,
  overflowChecks: true,
  incremental: true
}

/** `release`: `opt-level = 3` and nothing else on. */
export const RELEASE_DEFAULTS: Profile = {
  ...DEFAULT,
  name: 'release',
  dirName: 'release',
  root: 'release',
  optLevel: '3'
}

/** Whether the profile optimises (cargo's "[optimized]" in the Finished line). */
export function isOptimized(p: Profile): boolean {
  return p.optLevel !== '0'
}

/** Whether rustc is asked for any debuginfo (cargo's "+ debuginfo" and a build script's `DEBUG`). */
export function hasDebuginfo(p: Profile): boolean {
  return p.debug !== 'none'
}
