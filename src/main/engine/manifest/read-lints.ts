/**
 * `[lints]`: per tool (`rust`, `clippy`, `rustdoc`), `name = "level"` or `{ level, priority }`.
 * Read with cargo's checks; rustc gets them as `--LEVEL=NAME` (see `lintFlags`).
 */
import type { LintDecl } from './model'
import type { TableReader } from './table-reader'
import { isTable } from './table-reader'

const LEVELS = new Set(['allow', 'warn', 'deny', 'forbid'])

export function readLints(root: TableReader): LintDecl[] {
  const table = root.subtable('lints')
  if (!table) return []
  const lints: LintDecl[] = []
  for (const tool of table.keys()) {
    const entries = table.subtable(tool)
    if (!entries) continue
    for (const name of entries.keys()) {
      const value = entries.table[name]
      let level: unknown = value
      let priority = 0
      if (isTable(value)) {
        const entry = entries.subtable(name)!
        level = entry.string('level')
        priority = entry.integer('priority') ?? 0
        // `check-cfg` belongs to `unexpected_cfgs`; the rest is cargo's to warn about.
        entry.raw('check-cfg')
      } else entries.raw(name)
      if (typeof level !== 'string' || !LEVELS.has(level))
        throw entries.error(
          name,
          `\`lints.${tool}.${name}\` must be one of "allow", "warn", "deny" or "forbid".`,
          'For example `unsafe_code = "forbid"`, or `{ level = "warn", priority = -1 }`.'
        )
      lints.push({ tool, name, level: level as LintDecl['level'], priority })
    }
  }
  return lints
}

/**
 * cargo's `lints_to_rustflags`: every tool's lints (rustc knows `clippy::` and `rustdoc::`),
 * ordered by priority, then by name from Z to A, each `--LEVEL=NAME`.
 */
export function lintFlags(lints: readonly LintDecl[]): string[] {
  return lints
    .map((l) => ({ ...l, flag: `--${l.level}=${l.tool === 'rust' ? l.name : `${l.tool}::${l.name}`}` }))
    .sort((a, b) => a.priority - b.priority || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    .map((l) => l.flag)
}
