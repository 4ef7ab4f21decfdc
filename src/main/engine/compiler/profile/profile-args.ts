/**
 * The rustc flags cargo 1.95's `build_base_args` derives from a unit's profile, exactly as it
 * writes them: only what differs from rustc's defaults, in cargo's order. They fall in four
 * places of cargo's command line, which `profileArgParts` keeps apart so a caller can rebuild it
 * byte for byte (`-C incremental=<dir>` sits between `rpath` and `strip` and is the caller's).
 */
import type { Profile } from './profile-model'
import { ltoArgs, type UnitLto } from './unit-lto'

export interface ProfileArgOptions {
  /**
   * The split-debuginfo kinds the target supports (`rustc --print split-debuginfo`); cargo
   * leaves out a `split-debuginfo` the target does not support. Absent: pass it as written.
   */
  readonly supportedSplitDebuginfo?: readonly string[]
}

export interface ProfileArgParts {
  /** After `--emit`/`-C prefer-dynamic`: opt-level, panic, LTO, codegen-units, debuginfo, split-debuginfo. */
  readonly codegen: readonly string[]
  /** After the lint flags from `[lints]`, before `--test`, features and `--check-cfg`. */
  readonly checks: readonly string[]
  /** After `-C extra-filename`, before `--out-dir`. */
  readonly rpath: readonly string[]
  /** After `-C incremental=…`, before `-L dependency=…`. */
  readonly strip: readonly string[]
}

/**
 * A boolean stands for the common shapes: `true` for a unit whose output is linked here (a
 * binary, cdylib or staticlib), `false` for a library another unit links. Host units, dylibs and
 * mixed crate types need the unit's `UnitLto` from `computeUnitLto`.
 */
function ltoFor(p: Profile, lto: UnitLto | boolean): UnitLto {
  if (typeof lto !== 'boolean') return lto
  if (p.lto === 'false') return { type: 'only-object' }
  if (p.lto === 'off') return { type: 'off' }
  if (!lto) return { type: 'only-bitcode' }
  return p.lto === 'true' ? { type: 'run' } : { type: 'run', name: p.lto }
}

/** The flags by where cargo puts them. */
export function profileArgParts(
  p: Profile,
  lto: UnitLto | boolean,
  options: ProfileArgOptions = {}
): ProfileArgParts {
  const codegen: string[] = []
  if (p.optLevel !== '0') codegen.push('-C', `opt-level=${p.optLevel}`)
  if (p.panic !== 'unwind') codegen.push('-C', `panic=${p.panic}`)
  codegen.push(...ltoArgs(ltoFor(p, lto)))
  if (p.codegenUnits !== undefined) codegen.push('-C', `codegen-units=${p.codegenUnits}`)
  if (p.debug !== 'none') {
    const level = p.debug === 'limited' ? '1' : p.debug === 'full' ? '2' : p.debug
    codegen.push('-C', `debuginfo=${level}`)
    const split = p.splitDebuginfo
    if (split !== undefined && (options.supportedSplitDebuginfo?.includes(split) ?? true))
      codegen.push('-C', `split-debuginfo=${split}`)
  }
  // -C overflow-checks follows -C debug-assertions, which follows opt-level: pass only what differs.
  const checks: string[] = []
  if (p.optLevel !== '0') {
    if (p.debugAssertions) {
      checks.push('-C', 'debug-assertions=on')
      if (!p.overflowChecks) checks.push('-C', 'overflow-checks=off')
    } else if (p.overflowChecks) checks.push('-C', 'overflow-checks=on')
  } else if (!p.debugAssertions) {
    checks.push('-C', 'debug-assertions=off')
    if (p.overflowChecks) checks.push('-C', 'overflow-checks=on')
  } else if (!p.overflowChecks) checks.push('-C', 'overflow-checks=off')
  return {
    codegen,
    checks,
    rpath: p.rpath ? ['-C', 'rpath'] : [],
    strip: p.strip !== 'none' ? ['-C', `strip=${p.strip}`] : []
  }
}

/** Every profile flag of a unit, in cargo's relative order. */
export function profileArgs(p: Profile, lto: UnitLto | boolean, options: ProfileArgOptions = {}): string[] {
  const parts = profileArgParts(p, lto, options)
  return [...parts.codegen, ...parts.checks, ...parts.rpath, ...parts.strip]
}
