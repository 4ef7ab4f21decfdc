/**
 * Writing one dependency entry into its table, in whichever form the entry already has
 * (`name = "1"`, an inline table, `[dependencies.name]`, dotted `name.version = …`), the way
 * cargo's `insert_into_table` changes each form.
 */
import { EngineError } from '../../errors'
import { inlineEntries } from './cst-values'
import { dependencyToToml, type CargoDependency } from './dependency-model'
import { updateChanges, type KeyChange } from './dependency-update'
import { nodeValue } from './dependency-tables'
import type { DocumentLayout, KeyValueLayout, TableNode, TreeNode } from './layout'
import { newSectionEdit, sectionSpan } from './new-section'
import { blockText, type BodyItem } from './table-body'
import { onFreshLine, type TextEdit } from './text-edits'
import { formatInlineTable, formatKey, splitKeyRaw } from './toml-format'

export interface EntryUpdate {
  /** The entry's body item after the change, or undefined when it left the body. */
  readonly item?: BodyItem
  /** Edits outside the table's body (its own section, a new section). */
  readonly edits: readonly TextEdit[]
}

function replaceValue(layout: DocumentLayout, kv: KeyValueLayout, value: string): string {
  const t = layout.text
  return t.slice(kv.prefixStart, kv.valueStart) + value + t.slice(kv.valueEnd, kv.lineEnd)
}

/** toml_edit's `InlineTable::fmt` after key changes: normalized spacing, values kept as written. */
function updatedInline(layout: DocumentLayout, kv: KeyValueLayout, changes: readonly KeyChange[]): string {
  if (kv.value.type !== 'InlineTable') throw new Error('not an inline table')
  const entries = inlineEntries(kv.value, layout.offsets).map((e) => ({
    key: e.key.length === 1 ? e.key[0]! : undefined,
    keyText: splitKeyRaw(e.keyRaw).join('.'),
    value: layout.text.slice(e.valueStart, e.valueEnd)
  }))
  for (const c of changes) {
    const at = entries.findIndex((e) => e.key === c.key)
    if (c.op === 'remove') {
      if (at >= 0) entries.splice(at, 1)
    } else if (at >= 0) entries[at] = { ...entries[at]!, value: c.text }
    else entries.push({ key: c.key, keyText: formatKey(c.key), value: c.text })
  }
  return formatInlineTable(entries.map((e) => [e.keyText, e.value] as const))
}

function keyCount(node: TreeNode): number {
  if (node.kind === 'table') return node.children.size
  const value = nodeValue(node)
  if (typeof value === 'string') return 0
  return typeof value === 'object' && value !== null ? Object.keys(value).length : -1
}

/** Changes applied to a `[dependencies.name]` section, key by key. */
function sectionChanges(layout: DocumentLayout, node: TableNode, changes: readonly KeyChange[]): TextEdit[] {
  const section = node.section
  if (!section)
    throw new EngineError('unsupported', 'This dependency table has no section of its own to edit.')
  const edits: TextEdit[] = []
  let appended = ''
  for (const c of changes) {
    const child = node.children.get(c.key)
    if (c.op === 'set') {
      if (child?.kind === 'value')
        edits.push({ start: child.kv.valueStart, end: child.kv.valueEnd, text: c.text })
      else if (!child) appended += `${formatKey(c.key)} = ${c.text}${layout.newline}`
    } else if (child?.kind === 'value') {
      edits.push({ start: child.kv.prefixStart, end: child.kv.lineEnd, text: '' })
    }
  }
  if (appended)
    edits.push({
      start: section.bodyEnd,
      end: section.bodyEnd,
      text: onFreshLine(layout.text, section.bodyEnd, layout.newline) + appended
    })
  return edits
}

interface DottedEntry {
  readonly key: string
  readonly keyText: string
  readonly value: string
  readonly kv?: KeyValueLayout
  readonly changed: boolean
}

/** The entry's dotted key-values (`serde.version = …`) with cargo's key changes applied. */
function dottedEntries(
  layout: DocumentLayout,
  node: TableNode,
  changes: readonly KeyChange[]
): DottedEntry[] {
  const entries: DottedEntry[] = collectValues(node).map((kv) => ({
    key: kv.key[kv.key.length - 1]!,
    keyText: splitKeyRaw(kv.keyRaw).at(-1)!,
    value: layout.text.slice(kv.valueStart, kv.valueEnd),
    kv,
    changed: false
  }))
  for (const c of changes) {
    const at = entries.findIndex((e) => e.key === c.key)
    if (c.op === 'remove') {
      if (at >= 0) entries.splice(at, 1)
    } else if (at >= 0) entries[at] = { ...entries[at]!, value: c.text, changed: true }
    else entries.push({ key: c.key, keyText: formatKey(c.key), value: c.text, changed: true })
  }
  return entries
}

function dottedItem(
  layout: DocumentLayout,
  key: string,
  node: TableNode,
  changes: readonly KeyChange[]
): BodyItem {
  const first = collectValues(node)[0]!
  const prefixRaw = splitKeyRaw(first.keyRaw).slice(0, -1).join('.')
  const children: BodyItem[] = dottedEntries(layout, node, changes).map((e) => {
    if (e.kv)
      return {
        key: e.key,
        text: e.changed ? replaceValue(layout, e.kv, e.value) : blockText(layout, e.kv),
        kv: e.kv
      }
    return { key: e.key, text: `${prefixRaw}.${e.keyText} = ${e.value}${layout.newline}` }
  })
  return { key, children }
}

function collectValues(node: TableNode): KeyValueLayout[] {
  const out: KeyValueLayout[] = []
  for (const child of node.children.values()) {
    if (child.kind === 'value') out.push(child.kv)
    else if (child.kind === 'table') out.push(...collectValues(child))
  }
  return out
}

/**
 * The new or updated entry for `key` in the table `tablePath`. `existing` is the entry's node
 * when the key is already in the table.
 */
export function writeEntry(
  layout: DocumentLayout,
  tablePath: readonly string[],
  key: string,
  dep: CargoDependency,
  existing: TreeNode | undefined
): EntryUpdate {
  const nl = layout.newline
  if (!existing)
    return { item: { key, text: `${formatKey(key)} = ${dependencyToToml(dep)}${nl}` }, edits: [] }
  const count = keyCount(existing)
  if (count < 0) throw new EngineError('invalid-input', `Unrecognized dependency entry format for \`${key}\``)
  const littleToKeep = count <= 1
  if (existing.kind === 'value') {
    const kv = existing.kv
    const value = littleToKeep
      ? dependencyToToml(dep)
      : updatedInline(layout, kv, updateChanges(dep, nodeValue(existing) as Record<string, unknown>))
    return { item: { key, text: replaceValue(layout, kv, value), kv }, edits: [] }
  }
  if (existing.kind !== 'table')
    throw new EngineError('invalid-input', `Unrecognized dependency entry format for \`${key}\``)
  if (existing.dotted) {
    const kvs = collectValues(existing)
    const first = kvs[0]!
    if (littleToKeep) {
      const t = layout.text
      const head = t.slice(first.prefixStart, first.keyStart)
      const keyRaw = splitKeyRaw(first.keyRaw)[0]!
      return { item: { key, text: `${head}${keyRaw} = ${dependencyToToml(dep)}${nl}` }, edits: [] }
    }
    const changes = updateChanges(dep, nodeValue(existing) as Record<string, unknown>)
    if (dep.features || dep.optional !== undefined || dep.public !== undefined) {
      // cargo turns a dotted entry that gains `features`/`optional` into its own table section.
      const body = dottedEntries(layout, existing, changes)
        .map((e) => `${e.keyText} = ${e.value}${nl}`)
        .join('')
      return { edits: [newSectionEdit(layout, [...tablePath, key], body)] }
    }
    return { item: dottedItem(layout, key, existing, changes), edits: [] }
  }
  if (littleToKeep) {
    // A one-key `[dependencies.name]` becomes `name= …` in the parent table; the missing space
    // is toml_edit's, which reuses the key's spacing from the header.
    const edits = existing.section ? [sectionSpan(layout, existing.section.index)] : []
    return { item: { key, text: `${existing.keyRaw}= ${dependencyToToml(dep)}${nl}` }, edits }
  }
  return {
    edits: sectionChanges(
      layout,
      existing,
      updateChanges(dep, nodeValue(existing) as Record<string, unknown>)
    )
  }
}
