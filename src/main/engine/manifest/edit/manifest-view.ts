/**
 * The document as the forms see it: plain JSON values (safe to send over IPC), the line of
 * every key path, the dialect, and the raw sections' text.
 */
import type { KeyPath, ManifestView, TomlJson, TomlTable } from '@shared/models/manifest-edit'
import type { CstValue } from './cst'
import { nodeValue } from './dependency-tables'
import type { DocumentLayout } from './layout'
import { isLegacyFormat } from './modernize'
import { rawSectionTexts } from './raw-sections'

/**
 * Parsed values → JSON: 64-bit integers as decimal strings, non-finite floats as their TOML
 * words, tables with a null prototype so a key named `__proto__` stays an ordinary key.
 */
export function toTomlJson(value: unknown): TomlJson {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf'
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.map(toTomlJson)
  if (value instanceof Date) return value.toISOString()
  const out = Object.create(null) as Record<string, TomlJson>
  for (const key of Object.keys(value as object))
    out[key] = toTomlJson((value as Record<string, unknown>)[key])
  return out
}

/** Line of each key path (and of each table header), keyed by `JSON.stringify(path)`. */
export function keyLines(layout: DocumentLayout): Record<string, number> {
  const lines = Object.create(null) as Record<string, number>
  const put = (path: KeyPath, offset: number) => {
    const id = JSON.stringify(path)
    if (!(id in lines)) lines[id] = layout.offsets.lineOf(offset)
  }
  const inline = (path: KeyPath, value: CstValue) => {
    if (value.type === 'InlineTable') {
      for (const { item } of value.items) {
        const keyPath = [...path, ...item.key.value]
        const at = layout.offsets.offset(item.key.loc.start)
        for (let i = path.length + 1; i <= keyPath.length; i++) put(keyPath.slice(0, i), at)
        inline(keyPath, item.value)
      }
    } else if (value.type === 'InlineArray') {
      value.items.forEach((item, i) => {
        put([...path, i], layout.offsets.offset(item.item.loc.start))
        inline([...path, i], item.item)
      })
    }
  }
  for (const section of layout.sections) {
    const path = section.path
    if (section.index > 0) {
      // Implicit parents (`target` in `[target.x.dependencies]`) point at the first header using them.
      for (let i = 1; i <= path.length; i++) put(path.slice(0, i), section.headerStart)
    }
    for (const kv of section.items) {
      const keyPath = [...path, ...kv.key]
      for (let i = path.length + 1; i <= keyPath.length; i++) put(keyPath.slice(0, i), kv.keyStart)
      inline(keyPath, kv.value)
    }
  }
  return lines
}

export function buildView(layout: DocumentLayout): ManifestView {
  return {
    document: toTomlJson(nodeValue(layout.root)) as TomlTable,
    lines: keyLines(layout),
    format: isLegacyFormat(layout) ? '2014' : 'current',
    rawSections: rawSectionTexts(layout)
  }
}
