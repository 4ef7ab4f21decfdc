/** Plain values and raw text out of toml-patch's tree, for the editor's decisions. */
import type { CstInlineTable, CstValue, OffsetMap } from './cst'

/** A TOML value as plain JS (tables as null-prototype objects); dates as their TOML text. */
export function cstValue(value: CstValue): unknown {
  switch (value.type) {
    case 'InlineArray':
      return value.items.map((i) => cstValue(i.item))
    case 'InlineTable': {
      const out = Object.create(null) as Record<string, unknown>
      for (const { item } of value.items) {
        let target = out
        const key = item.key.value
        for (const segment of key.slice(0, -1)) {
          const next = target[segment]
          target = (
            typeof next === 'object' && next !== null ? next : (target[segment] = Object.create(null))
          ) as Record<string, unknown>
        }
        target[key[key.length - 1]!] = cstValue(item.value)
      }
      return out
    }
    case 'DateTime':
      return value.raw ?? String(value.value)
    case 'Integer': {
      // toml-patch's tree rounds integers past 2^53; the raw text has every digit.
      const big = BigInt((value.raw ?? String(value.value)).replaceAll('_', ''))
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big
    }
    case 'String':
    case 'Float':
    case 'Boolean':
      return value.value
  }
}

export interface InlineEntry {
  readonly key: readonly string[]
  readonly keyRaw: string
  readonly value: CstValue
  readonly valueStart: number
  readonly valueEnd: number
}

/** The key-values of an inline table with their offsets. */
export function inlineEntries(table: CstInlineTable, offsets: OffsetMap): InlineEntry[] {
  return table.items.map(({ item }) => ({
    key: item.key.value,
    keyRaw: item.key.raw,
    value: item.value,
    valueStart: offsets.offset(item.value.loc.start),
    valueEnd: offsets.offset(item.value.loc.end)
  }))
}
