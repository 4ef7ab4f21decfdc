/**
 * A table's body as toml_edit renders it: its values in key order, each with the lines it owns,
 * and dotted keys (`serde.version = …`) grouped under their first segment. Re-rendering an
 * unchanged body gives back the same bytes; cargo's edits (insert, remove, sort) are list
 * operations on it.
 */
import type { DocumentLayout, KeyValueLayout, TableNode } from './layout'
import { isSorted } from './dependency-model'
import { compareStrings } from '../../resolver/feature-resolver/package-order'

export type BodyItem =
  | { readonly key: string; readonly text: string; readonly kv?: KeyValueLayout }
  | { readonly key: string; readonly children: readonly BodyItem[] }

/** A key-value's own text: the comment and blank lines above it, and its line(s). */
export function blockText(layout: DocumentLayout, kv: KeyValueLayout): string {
  return layout.text.slice(kv.prefixStart, kv.lineEnd)
}

export function bodyItems(layout: DocumentLayout, table: TableNode): BodyItem[] {
  const items: BodyItem[] = []
  for (const [key, child] of table.children) {
    if (child.kind === 'value') items.push({ key, text: blockText(layout, child.kv), kv: child.kv })
    else if (child.kind === 'table' && child.dotted) items.push({ key, children: bodyItems(layout, child) })
  }
  return items
}

/** cargo's "was the table sorted" test: the first key segments of its values, in order. */
export function isBodySorted(items: readonly BodyItem[]): boolean {
  return isSorted(items.map((i) => i.key))
}

/** toml_edit's `sort_values`: by key, stably, dotted groups included. */
export function sortBody(items: readonly BodyItem[]): BodyItem[] {
  return [...items]
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((i) => ('children' in i ? { key: i.key, children: sortBody(i.children) } : i))
}

/** The body's text; toml_edit ends every key-value line with a newline, so a last line gets one. */
export function renderBody(items: readonly BodyItem[], newline: string): string {
  const parts: string[] = []
  const walk = (list: readonly BodyItem[]) => {
    for (const item of list) {
      if ('children' in item) walk(item.children)
      else parts.push(item.text.endsWith('\n') ? item.text : item.text + newline)
    }
  }
  walk(items)
  return parts.join('')
}

/** Every key-value the items cover, in order. */
export function itemKeyValues(items: readonly BodyItem[]): KeyValueLayout[] {
  return items.flatMap((i) => ('children' in i ? itemKeyValues(i.children) : i.kv ? [i.kv] : []))
}
