/** The files a unit produces, named as cargo names them, per platform. */
import { basename, join } from 'node:path'
import { unitLayout, type Layout } from './layout'
import type { Unit } from './unit'

export interface UnitArtifacts {
  /** `-C extra-filename`: empty for path dylibs/cdylibs, whose names cargo keeps stable. */
  readonly extraFilename: string
  /** Files rustc writes into deps/, per crate type. */
  readonly files: readonly { readonly crateType: string; readonly path: string }[]
  /** The `.rmeta` a pipelined dependent can compile against, for rlib-producing units. */
  readonly rmeta?: string
  /** What `--extern` should point at for a dependent that links. */
  readonly linkable?: string
  readonly executable?: string
}

const platform = process.platform
const DYLIB = platform === 'win32' ? ['', '.dll'] : platform === 'darwin' ? ['lib', '.dylib'] : ['lib', '.so']
const STATICLIB = platform === 'win32' ? ['', '.lib'] : ['lib', '.a']
const EXE = platform === 'win32' ? '.exe' : ''

/** Where rustc writes a unit's files: the script's own folder, examples/, or deps/. */
export function outputDir(unit: Unit, layout: Layout): string {
  if (unit.kind === 'custom-build' && unit.scriptDir) return unit.scriptDir
  const dirs = unitLayout(unit, layout)
  return unit.target?.kind === 'example' ? dirs.examples : dirs.deps
}

export function unitArtifacts(unit: Unit, layout: Layout): UnitArtifacts {
  const t = unit.target
  if (!t) return { extraFilename: '', files: [] }
  const dir = outputDir(unit, layout)
  // A test harness is an executable, whatever the target's crate types.
  const crateTypes = unit.test ? ['bin'] : t.crateTypes
  const keepsStableName = !unit.test && crateTypes.some((c) => c === 'dylib' || c === 'cdylib')
  const extra = keepsStableName ? '' : `-${unit.hash}`
  const stem = t.crateName + extra
  const files = crateTypes.map((crateType) => {
    switch (crateType) {
      case 'bin':
        return { crateType, path: join(dir, stem + EXE) }
      case 'lib':
      case 'rlib':
        return { crateType, path: join(dir, `lib${stem}.rlib`) }
      case 'staticlib':
        return { crateType, path: join(dir, `${STATICLIB[0]}${stem}${STATICLIB[1]}`) }
      default:
        // dylib, cdylib and proc-macro are all shared libraries.
        return { crateType, path: join(dir, `${DYLIB[0]}${stem}${DYLIB[1]}`) }
    }
  })
  const rlib = files.find((f) => f.crateType === 'lib' || f.crateType === 'rlib')
  const linkable = unit.test
    ? undefined
    : (rlib ?? files.find((f) => f.crateType === 'dylib' || f.crateType === 'proc-macro'))
  const exe = files.find((f) => f.crateType === 'bin')
  return {
    extraFilename: extra,
    files,
    ...(rlib ? { rmeta: join(dir, `lib${stem}.rmeta`) } : {}),
    ...(linkable ? { linkable: linkable.path } : {}),
    ...(exe ? { executable: exe.path } : {})
  }
}

/** The executable users run: the uplifted copy for a primary unit, else the one in deps/. */
export function finalExecutable(unit: Unit, layout: Layout): string | undefined {
  const exe = unitArtifacts(unit, layout).executable
  if (!exe) return undefined
  return upliftedPath(unit, layout, { crateType: 'bin', path: exe }) ?? exe
}

/**
 * Where cargo puts a primary unit's final artifacts: target/<profile>/NAME for bins and libs
 * (target/<triple>/<profile>/NAME when the build names a target).
 */
export function upliftedPath(
  unit: Unit,
  buildLayout: Layout,
  file: { crateType: string; path: string }
): string | undefined {
  const layout = unitLayout(unit, buildLayout)
  const t = unit.target
  // Test harnesses stay in deps/ under their hashed names, as cargo leaves them.
  if (!t || !unit.primary || unit.test) return undefined
  if (file.crateType === 'bin') {
    // Test and bench programs without a harness stay in deps/, as cargo leaves them.
    if (t.kind === 'bin') return join(layout.dest, t.name + EXE)
    return t.kind === 'example' ? join(layout.examples, t.name + EXE) : undefined
  }
  if (file.crateType === 'proc-macro') return undefined
  const dir = t.kind === 'example' ? layout.examples : t.kind === 'lib' ? layout.dest : undefined
  if (!dir) return undefined
  const name = basename(file.path).replace(`-${unit.hash}`, '')
  return join(dir, name)
}
