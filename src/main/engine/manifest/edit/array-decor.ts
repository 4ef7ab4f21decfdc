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

/**
 * The array becomes `next` (each element's text and, for strings, its value) while every element
 * that stays keeps its own spacing and comments: removed ones go as `removeArrayIndex` removes
 * them, new ones take the style of the array (one per line when it is laid out that way).
 */
export function rewriteArray(decor: ArrayDecor, next: readonly { raw: string; value: unknown }[]): void {
  const same = (e: ArrayElement, n: { raw: string; value: unknown }) =>
    e.value !== undefined ? e.value === n.value : e.raw === n.raw
  // Without a trailing comma, what follows the last element is the array's closing space.
  const last = decor.elements.at(-1)
  if (last && !decor.trailingComma) {
    decor.trailing = last.suffix + decor.trailing
    last.suffix = ''
  }
  const multiLine = decor.elements.some((e) => e.prefix.includes('\n'))
  const firstPrefix = decor.elements[0]?.prefix ?? ''
  const lastLine = decor.elements.findLast((e) => e.prefix.includes('\n'))?.prefix ?? '\n    '
  const lineStyle = lastLine.slice(lastLine.lastIndexOf('\n'))
  // Each element of `next` takes the first unclaimed old element equal to it.
  const claimed = new Map<number, ArrayElement>()
  next.forEach((n, i) => {
    const match = decor.elements.find((e) => !new Set(claimed.values()).has(e) && same(e, n))
    if (match) claimed.set(i, match)
  })
  const keep = new Set(claimed.values())
  for (let i = decor.elements.length - 1; i >= 0; i--)
    if (!keep.has(decor.elements[i]!)) removeArrayIndex(decor, i)
  const result = next.map(
    (n, i): ArrayElement =>
      claimed.get(i) ?? { prefix: multiLine ? lineStyle : ' ', raw: n.raw, suffix: '', value: n.value }
  )
  // On one line, the first element keeps the array's opening spacing and the others one space.
  if (!multiLine)
    result.forEach((e, i) => {
      if (i === 0) e.prefix = firstPrefix
      else if (e.prefix === firstPrefix) e.prefix = ' '
    })
  decor.elements.splice(0, decor.elements.length, ...result)
}
