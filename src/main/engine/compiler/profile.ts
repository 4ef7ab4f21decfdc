/**
 * Build profiles: cargo's built-in `dev` and `release` defaults, overridden by the root
 * manifest's `[profile.*]` tables (dependencies' profiles are ignored, as cargo does).
 */
import type { ProfileDecl } from '../manifest/model'
import { EngineError } from '../errors'

export interface Profile {
  readonly name: string
  /** The directory under target/: `debug` for dev, else the profile's name. */
  readonly dirName: string
  readonly optLevel: string
  readonly debuginfo: number
  readonly debugAssertions: boolean
  readonly overflowChecks: boolean
  readonly incremental: boolean
  readonly codegenUnits?: number
  readonly panic: 'unwind' | 'abort'
  readonly lto: string
  readonly strip: string
}

const DEV: Profile = {
  name: 'dev',
  dirName: 'debug',
  optLevel: '0',
  debuginfo: 2,
  debugAssertions: true,
  overflowChecks: true,
  incremental: true,
  panic: 'unwind',
  lto: 'false',
  strip: 'none'
}

const RELEASE: Profile = {
  ...DEV,
  name: 'release',
  dirName: 'release',
  optLevel: '3',
  debuginfo: 0,
  debugAssertions: false,
  overflowChecks: false,
  incremental: false
}

export function resolveProfile(
  name: string,
  declared: Readonly<Record<string, ProfileDecl>>,
  file: string
): Profile {
  const base = name === 'dev' ? DEV : name === 'release' ? RELEASE : undefined
  if (!base) {
    throw new EngineError('invalid-input', `Unknown profile \`${name}\`.`, {
      file,
      hint: 'Use `dev` or `release`.'
    })
  }
  const d = declared[name] ?? {}
  const debuginfo = d.debug ?? base.debuginfo
  return {
    ...base,
    optLevel: d.optLevel ?? base.optLevel,
    debuginfo,
    debugAssertions: d.debugAssertions ?? base.debugAssertions,
    overflowChecks: d.overflowChecks ?? base.overflowChecks,
    incremental: d.incremental ?? base.incremental,
    codegenUnits: d.codegenUnits,
    panic: d.panic ?? base.panic,
    lto: d.lto ?? base.lto,
    // Since cargo 1.77, a profile without debuginfo strips it from the output by default.
    strip: d.strip ?? (debuginfo === 0 ? 'debuginfo' : 'none')
  }
}

export function isOptimized(p: Profile): boolean {
  return p.optLevel !== '0'
}
