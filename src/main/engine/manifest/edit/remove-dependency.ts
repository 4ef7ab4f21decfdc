/**
 * `remove-dependency`: what `cargo remove` does to the manifest: the entry goes with the lines
 * it owns, a dependency table left empty goes too, and feature values that named the dependency
 * are cleaned up (cargo's `gc_dep`). cargo's later clean-up of `[profile.*.package]`, `[replace]`
 * and `[patch]` belongs to its command, not to this edit (see `cargo-remove-cleanup.ts`).
 */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { dependencyTablePath, dependencyTables } from './dependency-tables'
import { gcDependencyFeatures } from './feature-gc'
import { buildLayout, nodeAt, type DocumentLayout } from './layout'
import { requirePackageManifest } from './manifest-guards'
import { sectionSpan } from './new-section'
import { patchDocument } from './patch-fallback'
import { bodyItems, renderBody } from './table-body'
import { applyTextEdits, type TextEdit } from './text-edits'

function notFound(layout: DocumentLayout, table: DependencyTable, key: string): EngineError {
  const path = dependencyTablePath(table)
  const elsewhere = dependencyTables(layout).find(
    (t) =>
      t.node.kind === 'table' &&
      t.node.children.has(key) &&
      dependencyTablePath(t.table).join('.') !== path.join('.')
  )
  return new EngineError(
    'invalid-input',
    `the dependency \`${key}\` could not be found in \`${path.join('.')}\``,
    {
      ...(elsewhere
        ? {
            hint: `a dependency with the same name exists in \`${dependencyTablePath(elsewhere.table).join('.')}\``
          }
        : {})
    }
  )
}

/** Sections at or under `key` (a `[dependencies.serde]` table and its own sub-tables). */
function sectionsUnder(layout: DocumentLayout, key: readonly string[]): number[] {
  return layout.sections.filter((s) => s.index > 0 && key.every((k, i) => s.key[i] === k)).map((s) => s.index)
}

function removeEntry(layout: DocumentLayout, table: DependencyTable, key: string): string {
  const path = dependencyTablePath(table)
  const node = nodeAt(layout.root, path)
  if (node?.kind === 'value' && node.kv.value.type === 'InlineTable') {
    const value = node.kv.value
    if (!value.items.some((i) => i.item.key.value[0] === key)) throw notFound(layout, table, key)
    return patchDocument(layout.text, [{ path: [...path, key] }])
  }
  const entry = node?.kind === 'table' ? node.children.get(key) : undefined
  if (!node || node.kind !== 'table' || !entry) throw notFound(layout, table, key)
  if (node.dotted) return patchDocument(layout.text, [{ path: [...path, key] }])
  const edits: TextEdit[] = []
  const emptied = node.children.size === 1
  if (emptied && node.section) edits.push(sectionSpan(layout, node.section.index))
  else if (entry.kind === 'value' || (entry.kind === 'table' && entry.dotted)) {
    const section = node.section!
    const body = renderBody(
      bodyItems(layout, node).filter((i) => i.key !== key),
      layout.newline
    )
    edits.push({ start: section.headerEnd, end: section.bodyEnd, text: body })
  }
  if (entry.kind !== 'value' && !(entry.kind === 'table' && entry.dotted))
    for (const index of sectionsUnder(layout, [...path, key])) edits.push(sectionSpan(layout, index))
  return applyTextEdits(layout.text, edits)
}

export function removeDependency(text: string, table: DependencyTable, key: string): string {
  const layout = buildLayout(text)
  requirePackageManifest(layout, 'remove dependencies from')
  const removed = removeEntry(layout, table, key)
  return applyTextEdits(removed, gcDependencyFeatures(buildLayout(removed), key))
}
