/**
 * The forms' generic edits: `set`, `delete` and `append-table` at a key path. The common cases
 * are direct text changes (a value's text replaced, a `key = value` line added after the table's
 * last line, a section added where cargo would put it, a key's lines removed), because they touch
 * nothing else and cost no re-serialization; toml-patch's diff takes the rest (see
 * patch-fallback.ts). A value set to what it already is leaves the text untouched.
 */
import type { KeyPath, TomlJson, TomlTable } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { cstValue } from './cst-values'
import { nodeValue } from './dependency-tables'
import { inlineEdit, renderPath, sameValue } from './inline-edits'
import { buildLayout, type DocumentLayout, type TableNode, type TreeNode } from './layout'
import { newSectionEdit, sectionSpan } from './new-section'
import { patchDocument } from './patch-fallback'
import { applyTextEdits, onFreshLine, type TextEdit } from './text-edits'
import { formatKey, formatValue } from './toml-format'
import { readArrayDecor, renderArray, rewriteArray } from './array-decor'
import type { CstValue } from './cst'

function isTable(v: TomlJson): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

interface Walk {
  readonly node: TreeNode
  /** How many path segments the tree covered. */
  readonly depth: number
  /** Section path (strings) of the deepest table reached, for headers. */
  readonly tablePath: readonly string[]
}

function walk(layout: DocumentLayout, path: KeyPath): Walk {
  let node: TreeNode = layout.root
  const tablePath: string[] = []
  let depth = 0
  for (const segment of path) {
    let next: TreeNode | undefined
    if (node.kind === 'table' && typeof segment === 'string') next = node.children.get(segment)
    else if (node.kind === 'array' && typeof segment === 'number') next = node.elements[segment]
    else if (node.kind === 'value') break
    else
      throw new EngineError(
        'invalid-input',
        `\`${renderPath(path.slice(0, depth + 1))}\` does not fit the document: expected ${node.kind === 'array' ? 'an index' : 'a key'}.`
      )
    if (!next) break
    if (typeof segment === 'string') tablePath.push(segment)
    node = next
    depth++
  }
  return { node, depth, tablePath }
}

/** Lines `key = value` for a new table's entries. */
function tableLines(table: TomlTable, newline: '\n' | '\r\n'): string {
  return Object.keys(table)
    .map((k) => `${formatKey(k)} = ${formatValue(table[k]!, newline)}${newline}`)
    .join('')
}

function appendLine(
  layout: DocumentLayout,
  table: TableNode,
  tablePath: readonly string[],
  line: string
): TextEdit {
  const nl = layout.newline
  if (!table.section) return newSectionEdit(layout, tablePath, line)
  const at = table.section.bodyEnd
  return { start: at, end: at, text: onFreshLine(layout.text, at, nl) + line }
}

/** Every section at or under a table (its sub-tables and arrays of tables). */
function sectionsOf(node: TreeNode): number[] {
  if (node.kind === 'value') return []
  if (node.kind === 'array') return node.elements.flatMap(sectionsOf)
  const own = node.section ? [node.section.index] : []
  return [...own, ...[...node.children.values()].flatMap(sectionsOf)]
}

/** The lines of every key-value in a dotted table (`a.b = 1`, `a.c = 2`). */
function dottedBlocks(node: TreeNode): TextEdit[] {
  if (node.kind === 'value') return [{ start: node.kv.prefixStart, end: node.kv.lineEnd, text: '' }]
  if (node.kind === 'table') return [...node.children.values()].flatMap(dottedBlocks)
  return []
}

function deleteEdits(layout: DocumentLayout, path: KeyPath): TextEdit[] {
  const { node, depth } = walk(layout, path)
  if (depth < path.length) {
    if (node.kind === 'value') return inlineEdit(layout, node.kv.value, path.slice(depth), undefined, path)
    return []
  }
  if (node.kind === 'value') return [{ start: node.kv.prefixStart, end: node.kv.lineEnd, text: '' }]
  if (node.kind === 'table' && node.dotted) return dottedBlocks(node)
  return sectionsOf(node).map((i) => sectionSpan(layout, i))
}

/** An inline array of scalars set to another: the elements that stay keep their layout and comments. */
function keptArray(layout: DocumentLayout, old: CstValue, value: TomlJson): string | undefined {
  if (old.type !== 'InlineArray' || !Array.isArray(value)) return undefined
  const items = value as readonly TomlJson[]
  if (items.some((v) => typeof v === 'object')) return undefined
  const decor = readArrayDecor(layout.text, old, layout.offsets)
  rewriteArray(
    decor,
    items.map((v) => ({ raw: formatValue(v, layout.newline), value: typeof v === 'string' ? v : undefined }))
  )
  return renderArray(decor)
}

function setEdits(layout: DocumentLayout, path: KeyPath, value: TomlJson): TextEdit[] | 'fallback' {
  const { node, depth, tablePath } = walk(layout, path)
  const nl = layout.newline
  if (depth === path.length) {
    if (node.kind === 'value') {
      if (sameValue(cstValue(node.kv.value), value)) return []
      const array = keptArray(layout, node.kv.value, value)
      if (array !== undefined) return [{ start: node.kv.valueStart, end: node.kv.valueEnd, text: array }]
      return [{ start: node.kv.valueStart, end: node.kv.valueEnd, text: formatValue(value, layout.newline) }]
    }
    return 'fallback'
  }
  const rest = path.slice(depth)
  if (node.kind === 'value') return inlineEdit(layout, node.kv.value, rest, value, path)
  if (node.kind === 'array' || rest.some((s) => typeof s === 'number'))
    throw new EngineError(
      'invalid-input',
      `\`${renderPath(path)}\` does not exist; add array entries with append-table.`
    )
  if (node.dotted) return 'fallback'
  const keys = rest as string[]
  if (isTable(value) && Object.keys(value).length > 0)
    return [newSectionEdit(layout, [...tablePath, ...keys], tableLines(value, nl))]
  if (keys.length === 1)
    return [
      appendLine(
        layout,
        node,
        tablePath,
        `${formatKey(keys[0]!)} = ${formatValue(value, layout.newline)}${nl}`
      )
    ]
  return [
    newSectionEdit(
      layout,
      [...tablePath, ...keys.slice(0, -1)],
      `${formatKey(keys.at(-1)!)} = ${formatValue(value, layout.newline)}${nl}`
    )
  ]
}

function appendTableEdits(layout: DocumentLayout, path: KeyPath, value: TomlTable): TextEdit[] | 'fallback' {
  if (path.some((s) => typeof s !== 'string') || path.length === 0)
    throw new EngineError('invalid-input', 'append-table needs a path of keys, such as ["bin"].')
  const { node, depth } = walk(layout, path)
  if (depth === path.length && node.kind === 'value') {
    if (node.kv.value.type !== 'InlineArray')
      throw new EngineError('invalid-input', `\`${renderPath(path)}\` is not an array of tables.`)
    return inlineEdit(layout, node.kv.value, [node.kv.value.items.length], value, path)
  }
  if (depth === path.length && node.kind !== 'array')
    throw new EngineError('invalid-input', `\`${renderPath(path)}\` is a table, not an array of tables.`)
  if (depth < path.length && node.kind === 'table' && node.dotted) return 'fallback'
  return [newSectionEdit(layout, path as string[], tableLines(value, layout.newline), true)]
}

export type PathEdit =
  | { readonly op: 'set'; readonly path: KeyPath; readonly value: TomlJson }
  | { readonly op: 'delete'; readonly path: KeyPath }
  | { readonly op: 'append-table'; readonly path: KeyPath; readonly value: TomlTable }

export function applyPathEdit(text: string, edit: PathEdit): string {
  if (edit.path.length === 0) throw new EngineError('invalid-input', 'An edit needs a key path.')
  const layout = buildLayout(text)
  if (edit.op === 'set' && isTable(edit.value)) {
    const { node, depth } = walk(layout, edit.path)
    if (depth === edit.path.length && node.kind === 'table')
      return setTable(text, edit.path, edit.value, node)
  }
  const edits =
    edit.op === 'set'
      ? setEdits(layout, edit.path, edit.value)
      : edit.op === 'delete'
        ? deleteEdits(layout, edit.path)
        : appendTableEdits(layout, edit.path, edit.value)
  if (edits === 'fallback') {
    return edit.op === 'delete'
      ? patchDocument(text, [{ path: edit.path }])
      : patchDocument(text, [
          {
            path: edit.op === 'append-table' ? [...edit.path, arrayLength(layout, edit.path)] : edit.path,
            value: edit.value
          }
        ])
  }
  return applyTextEdits(text, edits)
}

function arrayLength(layout: DocumentLayout, path: KeyPath): number {
  const { node, depth } = walk(layout, path)
  return depth === path.length && node.kind === 'array' ? node.elements.length : 0
}

/** Setting a whole existing table: key by key, so the keys that stay keep their text and comments. */
function setTable(text: string, path: KeyPath, value: TomlTable, node: TableNode): string {
  let out = text
  const old = nodeValue(node) as Record<string, unknown>
  for (const key of Object.keys(old))
    if (!Object.hasOwn(value, key)) out = applyPathEdit(out, { op: 'delete', path: [...path, key] })
  for (const key of Object.keys(value))
    out = applyPathEdit(out, { op: 'set', path: [...path, key], value: value[key]! })
  return out
}
