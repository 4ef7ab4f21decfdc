/**
 * What each unit does about link-time optimisation, as cargo's `core/compiler/lto.rs` decides it
 * over the unit graph: the units that link (binaries, cdylibs, staticlibs) run LTO when their
 * profile asks; the rlibs they link need only LLVM bitcode; host units (build scripts,
 * proc-macros) and everything they use need only object code; a unit reached in two ways
 * gets what both need. The result picks the `-C lto` / `embed-bitcode` / `linker-plugin-lto` flags.
 */

export type UnitLto =
  /** `-C lto` (no name: `lto = true`) or `-C lto=<name>`. */
  | { readonly type: 'run'; readonly name?: string }
  /** `-C lto=off -C embed-bitcode=no`. */
  | { readonly type: 'off' }
  /** Nothing: rustc's default of object code with bitcode embedded. */
  | { readonly type: 'object-and-bitcode' }
  /** `-C linker-plugin-lto`: only bitcode, for an rlib an LTO link will consume. */
  | { readonly type: 'only-bitcode' }
  /** `-C embed-bitcode=no`. */
  | { readonly type: 'only-object' }

export interface LtoUnitInfo {
  /** rustc's crate types for the unit; a test harness is `['bin']`. */
  readonly crateTypes: readonly string[]
  /** The unit's target is a build script or a proc-macro. */
  readonly hostTarget: boolean
  /** The unit profile's `lto`. */
  readonly lto: string
}

const ONLY_OBJECT: UnitLto = { type: 'only-object' }
const ONLY_BITCODE: UnitLto = { type: 'only-bitcode' }
const BOTH: UnitLto = { type: 'object-and-bitcode' }
const OFF: UnitLto = { type: 'off' }

/** Crate types whose output is linked here and can be LTO'd as a whole. */
function canLto(t: string): boolean {
  return t === 'bin' || t === 'staticlib' || t === 'cdylib'
}

function needsObject(types: readonly string[]): boolean {
  return types.some((t) => canLto(t) || t === 'dylib' || t === 'cdylib' || t === 'proc-macro')
}

/** A dylib alone cannot take part in LTO (object code only); mixed with an rlib it needs both. */
function whenNeedsObject(types: readonly string[]): UnitLto {
  return types.every((t) => t === 'dylib') ? ONLY_OBJECT : BOTH
}

function fromProfile(lto: string): UnitLto {
  if (lto === 'false') return ONLY_OBJECT
  if (lto === 'off') return OFF
  return lto === 'true' ? { type: 'run' } : { type: 'run', name: lto }
}

function rootLto(info: LtoUnitInfo): UnitLto {
  if (info.lto === 'false') return ONLY_OBJECT
  if (info.lto === 'off') return OFF
  if (info.hostTarget) return ONLY_OBJECT
  return needsObject(info.crateTypes) ? whenNeedsObject(info.crateTypes) : ONLY_BITCODE
}

function combine(a: UnitLto, b: UnitLto): UnitLto {
  if (a.type === b.type && a.type !== 'run') return a
  if (a.type === 'run') return a
  if (b.type === 'run') return b
  if (a.type === 'off' || b.type === 'off') return OFF
  return BOTH
}

function same(a: UnitLto, b: UnitLto): boolean {
  return a.type === b.type && (a.type !== 'run' || b.type !== 'run' || a.name === b.name)
}

/**
 * The LTO decision for every unit reachable from `roots` (the units the command asked for).
 * Units are compared by identity, so pass the graph's own unit objects.
 */
export function computeUnitLto<U>(
  roots: readonly U[],
  depsOf: (unit: U) => readonly U[],
  info: (unit: U) => LtoUnitInfo
): Map<U, UnitLto> {
  const result = new Map<U, UnitLto>()
  const visit = (unit: U, parent: UnitLto): void => {
    const i = info(unit)
    let lto: UnitLto
    if (i.hostTarget) lto = ONLY_OBJECT
    else if (i.crateTypes.every(canLto)) lto = fromProfile(i.lto)
    else if (parent.type === 'run')
      lto = needsObject(i.crateTypes) ? whenNeedsObject(i.crateTypes) : ONLY_BITCODE
    else if (parent.type === 'only-bitcode' && needsObject(i.crateTypes)) lto = whenNeedsObject(i.crateTypes)
    else lto = parent
    const seen = result.get(unit)
    const merged = seen ? combine(lto, seen) : lto
    if (seen && same(merged, seen)) return
    result.set(unit, merged)
    for (const dep of depsOf(unit)) visit(dep, merged)
  }
  for (const root of roots) visit(root, rootLto(info(root)))
  return result
}

/** The rustc flags for a unit's LTO decision, in cargo's order. */
export function ltoArgs(lto: UnitLto): string[] {
  switch (lto.type) {
    case 'run':
      return ['-C', lto.name === undefined ? 'lto' : `lto=${lto.name}`]
    case 'off':
      return ['-C', 'lto=off', '-C', 'embed-bitcode=no']
    case 'object-and-bitcode':
      return []
    case 'only-bitcode':
      return ['-C', 'linker-plugin-lto']
    case 'only-object':
      return ['-C', 'embed-bitcode=no']
  }
}
