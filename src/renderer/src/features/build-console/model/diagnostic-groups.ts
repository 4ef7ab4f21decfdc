/**
 * Diagnostics grouped the way people fix them: by the crate being compiled, then by file.
 * Groups keep the order their first diagnostic arrived in, and diagnostics their own order.
 */
import type { Diagnostic } from '@shared/models/diagnostic'

/** Which crate a diagnostic belongs to: a key to group by and the text of the group's heading. */
export interface CrateRef {
  readonly key: string
  readonly label: string
}

/** The diagnostics of one file, in arrival order. */
export interface FileGroup {
  /** Undefined for diagnostics without a location (a linker error, a crate-level lint). */
  readonly file: string | undefined
  readonly diagnostics: readonly Diagnostic[]
}

/** One crate's files, with its own counts for the heading. */
export interface CrateGroup {
  readonly crate: CrateRef | undefined
  readonly files: readonly FileGroup[]
  readonly errors: number
  readonly warnings: number
}

/** A crate named by the diagnostic itself, for when no unit of the plan is known for it. */
export function crateFromDiagnostic(d: Diagnostic): CrateRef | undefined {
  if (d.packageName === undefined) return undefined
  const target = d.targetName
  const differs =
    target !== undefined && target !== d.packageName && target !== d.packageName.replace(/-/g, '_')
  return {
    key: `${d.packageName}\0${target ?? ''}`,
    label: differs ? `${d.packageName} (${target})` : d.packageName
  }
}

/** Groups in first-arrival order; `crateOf` decides what a crate is (a unit of the plan, if known). */
export function groupDiagnostics(
  diagnostics: readonly Diagnostic[],
  crateOf: (d: Diagnostic) => CrateRef | undefined
): readonly CrateGroup[] {
  const crates = new Map<string, { crate: CrateRef | undefined; files: Map<string, Diagnostic[]> }>()
  for (const d of diagnostics) {
    const crate = crateOf(d)
    const key = crate?.key ?? ''
    let group = crates.get(key)
    if (!group) {
      group = { crate, files: new Map() }
      crates.set(key, group)
    }
    const file = d.location?.file ?? ''
    const list = group.files.get(file)
    if (list) list.push(d)
    else group.files.set(file, [d])
  }
  return [...crates.values()].map(({ crate, files }) => {
    const all = [...files.values()].flat()
    return {
      crate,
      files: [...files].map(([file, list]) => ({ file: file === '' ? undefined : file, diagnostics: list })),
      errors: all.filter((d) => d.level === 'error' || d.level === 'ice').length,
      warnings: all.filter((d) => d.level === 'warning').length
    }
  })
}
