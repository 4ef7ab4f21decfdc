/**
 * cargo add's `get_existing_dependency`: the entry already in the target table, or else the same
 * key in another dependency table (most likely the user wants the same source everywhere). Only
 * the source is taken from another table, never its features or flags.
 */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { dependencyFromToml, type CargoDependency } from './dependency-model'
import { dependencyTablePath, dependencyTables, entryOf, nodeValue } from './dependency-tables'
import type { DocumentLayout } from './layout'

export interface ExistingDependency {
  readonly dependency: CargoDependency
  /** True when found in the table being added to. */
  readonly sameTable: boolean
}

const RANK = { error: 0, dev: 1, build: 2, normal: 3, existing: 4 } as const

export function existingDependency(
  layout: DocumentLayout,
  key: string,
  table: DependencyTable
): ExistingDependency | undefined {
  const wanted = dependencyTablePath(table).join('\u0000')
  let best:
    { rank: number; targeted: boolean; dep?: CargoDependency; error?: Error; same: boolean } | undefined
  for (const found of dependencyTables(layout)) {
    if (found.node.kind !== 'table') continue
    const entry = entryOf(found.node, key)
    if (!entry) continue
    const same = dependencyTablePath(found.table).join('\u0000') === wanted
    let dep: CargoDependency | undefined
    let error: Error | undefined
    try {
      dep = dependencyFromToml(key, nodeValue(entry))
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e))
    }
    const rank = same ? RANK.existing : error ? RANK.error : RANK[found.table.kind]
    const targeted = same || found.table.target !== undefined
    // cargo sorts by (rank, targeted) and takes the last, so later equals win.
    if (!best || rank > best.rank || (rank === best.rank && targeted >= best.targeted))
      best = { rank, targeted, same, ...(dep ? { dep } : {}), ...(error ? { error } : {}) }
  }
  if (!best) return undefined
  if (best.error) throw best.error
  const dep = best.dep
  if (!dep) return undefined
  if (best.same) return { dependency: dep, sameTable: true }
  const version = dep.source?.type === 'registry'
  // From another table only the source (and registry) carry over; dev-dependencies drop the
  // version of a path or git source.
  let source = dep.source
  if (!version && table.kind === 'dev' && (source?.type === 'path' || source?.type === 'git')) {
    const { version: _dropped, ...rest } = source
    source = rest
  }
  return {
    dependency: {
      name: dep.name,
      ...(source ? { source } : {}),
      ...(dep.registry !== undefined ? { registry: dep.registry } : {})
    },
    sameTable: false
  }
}
