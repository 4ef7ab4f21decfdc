/**
 * An inline array split the way toml_edit keeps it: each element with the whitespace and
 * comments before it (prefix) and before its comma (suffix), and what follows the last comma
 * (trailing). `cargo remove` edits feature arrays through exactly these pieces, so its quirks
 * (`[ "b"]` after removing `"a"` from `["a", "b"]`) come out the same.
 */
import type { CstInlineArray, OffsetMap } from './cst'

export interface ArrayElement {
  prefix: string
  raw: string
  suffix: string
  readonly value: unknown
}

export interface ArrayDecor {
  readonly elements: ArrayElement[]
  readonly trailingComma: boolean
  trailing: string
}

/** Finds the comma after `from` (skipping whitespace and comments), before `limit`. */
function commaBetween(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const ch = text[i]
    if (ch === '#') {
      const nl = text.indexOf('\n', i)
      i = nl < 0 ? limit : nl
    } else if (ch === ',') return i
  }
  return -1
}

export function readArrayDecor(text: string, array: CstInlineArray, offsets: OffsetMap): ArrayDecor {
  const start = offsets.offset(array.loc.start)
  const close = offsets.offset(array.loc.end) - 1
  const spans = array.items.map((i) => ({
    start: offsets.offset(i.item.loc.start),
    end: offsets.offset(i.item.loc.end),
    value: i.item.type === 'String' ? i.item.value : undefined
  }))
  const elements: ArrayElement[] = []
  let cursor = start + 1
  let trailingComma = false
  spans.forEach((span, i) => {
    const limit = spans[i + 1]?.start ?? close
    const comma = commaBetween(text, span.end, limit)
    elements.push({
      prefix: text.slice(cursor, span.start),
      raw: text.slice(span.start, span.end),
      suffix: text.slice(span.end, comma < 0 ? close : comma),
      value: span.value
    })
    cursor = comma < 0 ? close : comma + 1
    if (i === spans.length - 1) trailingComma = comma >= 0
  })
  return { elements, trailingComma, trailing: text.slice(cursor, close) }
}

export function renderArray(decor: ArrayDecor): string {
  const body = decor.elements.map((e, i) => `${i ? ',' : ''}${e.prefix}${e.raw}${e.suffix}`).join('')
  return `[${body}${decor.trailingComma && decor.elements.length ? ',' : ''}${decor.trailing}]`
}

/**
 * cargo's `remove_array_index`: the element goes, but whole comment lines around it move to the
 * next element (or the array's end), so comments on their own lines survive.
 */
export function removeArrayIndex(decor: ArrayDecor, index: number): void {
  const [removed] = decor.elements.splice(index, 1)
  if (!removed) return
  const nlPrefix = removed.prefix.lastIndexOf('\n')
  const nlSuffix = removed.suffix.indexOf('\n')
  let merged = ''
  if (nlPrefix >= 0) merged += `${removed.prefix.slice(0, nlPrefix)}\n`
  if (nlSuffix >= 0) merged += `${removed.suffix.slice(nlSuffix + 1)}\n`
  const next = decor.elements[index]
  if (next) next.prefix = merged + next.prefix
  else decor.trailing = merged + decor.trailing
}
