/** `[lib]`, `[[lib]]` (2014), `[[bin]]`, `[[example]]`, `[[test]]`, `[[bench]]` → TargetDecl. */
import type { TargetDecl } from './model'
import { readEdition } from './read-package-table'
import { TARGET_KEYS } from './known-keys'
import type { TableReader } from './table-reader'

export function readTargetTable(t: TableReader): TargetDecl {
  const crateTypes = t.stringArray('crate-type', 'crate_type')
  if (t.has('crate_type') && t.has('crate-type'))
    t.warn('crate_type', '`crate_type` is redundant with `crate-type`.')
  const decl: TargetDecl = {
    name: t.string('name'),
    path: t.string('path'),
    crateTypes,
    procMacro: t.bool('proc-macro', 'proc_macro'),
    edition: readEdition(t),
    requiredFeatures: t.stringArray('required-features') ?? [],
    test: t.bool('test'),
    doctest: t.bool('doctest'),
    bench: t.bool('bench'),
    doc: t.bool('doc'),
    harness: t.bool('harness'),
    line: t.lineOf()
  }
  t.warnUnused(TARGET_KEYS)
  return decl
}

export interface LibDecl {
  readonly lib?: TargetDecl
  /** True when the manifest used the 2014 `[[lib]]` array form. */
  readonly legacyArray: boolean
}

/** Reads `[lib]` or the 2014 `[[lib]]`, which may hold at most one library. */
export function readLib(root: TableReader): LibDecl {
  const raw = root.raw('lib')
  if (!raw) return { legacyArray: false }
  if (Array.isArray(raw.value)) {
    const libs = root.tableArray('lib')
    if (libs.length > 1) {
      throw libs[1]!.error(
        undefined,
        `A package can have at most one library, but this manifest declares ${libs.length} \`[[lib]]\` sections.`,
        'Keep one `[[lib]]` and move the others into packages of their own.'
      )
    }
    const only = libs[0]
    return only ? { lib: readTargetTable(only), legacyArray: true } : { legacyArray: true }
  }
  const table = root.subtable('lib')
  return { lib: table ? readTargetTable(table) : undefined, legacyArray: false }
}
