/**
 * Edits inside an inline table or array (`serde = { version = "1" }`, `features = ["a"]`): a
 * value's text replaced, an entry added after the last one, or removed (arrays the way cargo
 * removes feature values; a table re-laid out as toml_edit's `fmt` does).
 */
import type { KeyPath, TomlJson, TomlTable } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { readArrayDecor, removeArrayIndex, renderArray } from './array-decor'
import type { CstValue } from './cst'
import { cstValue, inlineEntries } from './cst-values'
import type { DocumentLayout } from './layout'
import type { TextEdit } from './text-edits'
import { formatInlineTable, formatKey, formatValue, splitKeyRaw } from './toml-format'

export const renderPath = (path: KeyPath) => path.map(String).join('.')

/** Deep equality between a parsed TOML value and a form's JSON value. */
export function sameValue(old: unknown, next: TomlJson): boolean {
  if (typeof old === 'bigint') return typeof next === 'number' ? BigInt(next) === old : String(old) === next
  if (Array.isArray(old))
    return (
      Array.isArray(next) &&
      old.length === next.length &&
      old.every((v: unknown, i) => sameValue(v, (next as readonly TomlJson[])[i]!))
    )
  if (typeof old === 'object' && old !== null) {
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return false
    const a = Object.keys(old)
    const b = Object.keys(next)
    return (
      a.length === b.length &&
      a.every(
        (k) =>
          Object.hasOwn(next, k) && sameValue((old as Record<string, unknown>)[k], (next as TomlTable)[k]!)
      )
    )
  }
  return old === next
}

/** Inside an inline table or array: find, replace, add or remove by key path. */
export function inlineEdit(
  layout: DocumentLayout,
  value: CstValue,
  rest: KeyPath,
  next: TomlJson | undefined,
  fullPath: KeyPath
): TextEdit[] {
  const offsets = layout.offsets
  const [head, ...tail] = rest
  if (value.type === 'InlineTable' && typeof head === 'string') {
    const entries = inlineEntries(value, offsets)
    const entry = entries.find((e) => e.key.length === 1 && e.key[0] === head)
    if (entry) {
      if (tail.length) return inlineEdit(layout, entry.value, tail, next, fullPath)
      if (next === undefined) {
        const kept = entries.filter((e) => e !== entry)
        const text = formatInlineTable(
          kept.map(
            (e) => [splitKeyRaw(e.keyRaw).join('.'), layout.text.slice(e.valueStart, e.valueEnd)] as const
          )
        )
        return [{ start: offsets.offset(value.loc.start), end: offsets.offset(value.loc.end), text }]
      }
      if (sameValue(cstValue(entry.value), next)) return []
      return [{ start: entry.valueStart, end: entry.valueEnd, text: formatValue(next, layout.newline) }]
    }
    if (next === undefined) return []
    const nested = tail.reduceRight<TomlJson>((acc, k) => ({ [String(k)]: acc }), next)
    const added = `${formatKey(head)} = ${formatValue(nested, layout.newline)}`
    const last = entries[entries.length - 1]
    if (!last)
      return [
        { start: offsets.offset(value.loc.start), end: offsets.offset(value.loc.end), text: `{ ${added} }` }
      ]
    return [{ start: last.valueEnd, end: last.valueEnd, text: `, ${added}` }]
  }
  if (value.type === 'InlineArray' && typeof head === 'number') {
    const item = value.items[head]
    if (item) {
      if (tail.length) return inlineEdit(layout, item.item, tail, next, fullPath)
      if (next === undefined) {
        const decor = readArrayDecor(layout.text, value, offsets)
        removeArrayIndex(decor, head)
        return [
          {
            start: offsets.offset(value.loc.start),
            end: offsets.offset(value.loc.end),
            text: renderArray(decor)
          }
        ]
      }
      if (sameValue(cstValue(item.item), next)) return []
      return [
        {
          start: offsets.offset(item.item.loc.start),
          end: offsets.offset(item.item.loc.end),
          text: formatValue(next, layout.newline)
        }
      ]
    }
    if (next === undefined) return []
    if (head !== value.items.length || tail.length)
      throw new EngineError('invalid-input', `\`${renderPath(fullPath)}\` is past the end of the array.`)
    const last = value.items[value.items.length - 1]
    const text = formatValue(next, layout.newline)
    if (!last)
      return [
        { start: offsets.offset(value.loc.start), end: offsets.offset(value.loc.end), text: `[${text}]` }
      ]
    const end = offsets.offset(last.item.loc.end)
    return [{ start: end, end, text: `, ${text}` }]
  }
  if (next === undefined) return []
  throw new EngineError(
    'invalid-input',
    `\`${renderPath(fullPath)}\` does not fit the document: its parent is not a table or array.`
  )
}
