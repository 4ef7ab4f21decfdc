/**
 * Where everything is in the text, in the terms cargo's toml_edit uses to render a document:
 * sections (the root and each `[header]`/`[[header]]`), and in each the key-value "blocks".
 * A block is a key-value line plus the blank and comment lines above it (toml_edit's "decor
 * prefix"); comment lines after a section's last key-value belong to the next header. Matching
 * this ownership is what makes an insertion or removal land where `cargo add`/`cargo remove`
 * put it.
 */
import type { KeyPath } from '@shared/models/manifest-edit'
import { OffsetMap, parseCst, type CstKeyValue, type CstTable, type CstValue } from './cst'
import { attachHeader, insertValue, table, type TableNode } from './table-tree'
import { splitKeyRaw } from './toml-format'

export { nodeAt, renderSlot } from './table-tree'
export type { ArrayNode, TableNode, TreeNode, ValueNode } from './table-tree'

export interface KeyValueLayout {
  /** Dotted key segments relative to the section (`serde.version` → `['serde', 'version']`). */
  readonly key: readonly string[]
  readonly keyRaw: string
  readonly keyStart: number
  readonly valueStart: number
  readonly valueEnd: number
  /** Start of the line that holds the key. */
  readonly lineStart: number
  /** Just after the newline that ends the (last) line of the value, or the end of the text. */
  readonly lineEnd: number
  /** Where the lines this key-value owns begin: the end of the previous item. */
  readonly prefixStart: number
  readonly value: CstValue
  readonly section: number
}

export interface SectionLayout {
  /** 0 for the root; 1, 2, … for headers in document order (toml_edit's table position). */
  readonly index: number
  readonly kind: 'root' | 'table' | 'array'
  readonly key: readonly string[]
  readonly keyRaws: readonly string[]
  /** The key path with array-of-tables indexes: `[[bin]]` number 2 is `['bin', 1]`. */
  readonly path: KeyPath
  readonly prefixStart: number
  readonly headerStart: number
  readonly headerEnd: number
  readonly items: readonly KeyValueLayout[]
  readonly bodyEnd: number
}

export interface DocumentLayout {
  readonly text: string
  readonly newline: '\n' | '\r\n'
  readonly offsets: OffsetMap
  readonly sections: readonly SectionLayout[]
  readonly root: TableNode
}

export function detectNewline(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n')
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n'
}

/** Builds the layout of TOML text (no BOM). Throws toml-patch's parse error for invalid TOML. */
export function buildLayout(text: string): DocumentLayout {
  const cst = parseCst(text)
  const offsets = new OffsetMap(text)
  const sections: SectionLayout[] = []
  let cursor = 0

  const keyValue = (kv: CstKeyValue, section: number): KeyValueLayout => {
    const keyStart = offsets.offset(kv.key.loc.start)
    const valueEnd = offsets.offset(kv.value.loc.end)
    const lineEnd = offsets.lineEnd(valueEnd)
    const layout: KeyValueLayout = {
      key: kv.key.value,
      keyRaw: kv.key.raw,
      keyStart,
      valueStart: offsets.offset(kv.value.loc.start),
      valueEnd,
      lineStart: offsets.lineStart(keyStart),
      lineEnd,
      prefixStart: cursor,
      value: kv.value,
      section
    }
    cursor = lineEnd
    return layout
  }

  const rootItems: KeyValueLayout[] = []
  const headers: CstTable[] = []
  for (const block of cst) {
    if (block.type === 'KeyValue') rootItems.push(keyValue(block, 0))
    else if (block.type !== 'Comment') headers.push(block)
  }
  sections.push({
    index: 0,
    kind: 'root',
    key: [],
    keyRaws: [],
    path: [],
    prefixStart: 0,
    headerStart: 0,
    headerEnd: 0,
    items: rootItems,
    bodyEnd: cursor
  })

  const root = table('', false, false)
  root.position = 0
  root.section = sections[0]
  for (const kv of rootItems) insertValue(root, kv)

  for (const header of headers) {
    const index = sections.length
    const prefixStart = cursor
    const headerStart = offsets.lineStart(offsets.offset(header.loc.start))
    const headerEnd = offsets.lineEnd(offsets.offset(header.key.loc.end))
    cursor = headerEnd
    const items: KeyValueLayout[] = []
    for (const item of header.items) if (item.type === 'KeyValue') items.push(keyValue(item, index))
    const key = header.key.item.value
    const keyRaws = splitKeyRaw(header.key.item.raw)
    const kind = header.type === 'Table' ? 'table' : 'array'
    const { node, path } = attachHeader(root, key, keyRaws, kind)
    const section: SectionLayout = {
      index,
      kind,
      key,
      keyRaws,
      path,
      prefixStart,
      headerStart,
      headerEnd,
      items,
      bodyEnd: cursor
    }
    node.position = index
    node.section = section
    sections.push(section)
    for (const kv of items) insertValue(node, kv)
  }
  return { text, newline: detectNewline(text), offsets, sections, root }
}
