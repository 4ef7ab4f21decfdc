/**
 * `[patch.<registry or URL>]` and the older `[replace]`: dependencies that take the place of
 * another source's packages. Entries read like any dependency; the resolver applies them.
 */
import type { Dependency, Replacement } from './model'
import { readDependency } from './read-dependencies'
import type { TableReader } from './table-reader'

export function readPatch(root: TableReader): Record<string, readonly Dependency[]> {
  const patch = Object.create(null) as Record<string, readonly Dependency[]>
  const table = root.subtable('patch')
  if (!table) return patch
  for (const source of table.keys()) {
    const entries = table.subtable(source)
    if (entries) patch[source] = entries.keys().map((name) => readDependency(entries, name, 'normal'))
  }
  return patch
}

export function readReplace(root: TableReader): Replacement[] {
  const table = root.subtable('replace')
  if (!table) return []
  return table.keys().map((spec) => ({ spec, dep: readDependency(table, spec, 'normal') }))
}
