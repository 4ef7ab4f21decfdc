/**
 * New TOML text in the style cargo writes it (toml_edit's defaults): `key = "value"`, arrays as
 * `["a", "b"]`, inline tables as `{ version = "1", features = ["derive"] }`, bare keys where
 * allowed and `"quoted"` otherwise. Existing text is never reformatted here.
 */
import type { TomlJson } from '@shared/models/manifest-edit'

const BARE_KEY = /^[A-Za-z0-9_-]+$/

function isControl(code: number): boolean {
  return code <= 0x1f || code === 0x7f
}

function escapeBasic(value: string, multiline: boolean): string {
  let out = ''
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\b') out += '\\b'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += multiline ? '\n' : '\\n'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\r') out += '\\r'
    else if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (isControl(code)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
    else out += ch
  }
  return out
}

/**
 * toml_edit's choice of string style: a literal `'…'` only when the text has a backslash (a
 * Windows path) and can be written literally; otherwise a basic `"…"` string, triple-quoted
 * when it spans lines.
 */
export function formatString(value: string, singleLine = false): string {
  let canBeLiteral = true
  let preferLiteral = false
  let multiline = false
  let singles = 0
  let maxSingles = 0
  for (const ch of value) {
    if (ch === "'") {
      singles++
      maxSingles = Math.max(maxSingles, singles)
      if (singles >= 3) canBeLiteral = false
      continue
    }
    singles = 0
    if (ch === '\\') preferLiteral = true
    else if (ch === '\n') multiline = true
    else if (ch !== '\t' && isControl(ch.codePointAt(0) ?? 0)) canBeLiteral = false
  }
  if (maxSingles > 0 && value.endsWith("'")) canBeLiteral = false
  if (singleLine && multiline) canBeLiteral = false
  const triple = multiline && !singleLine
  if (!preferLiteral || !canBeLiteral) {
    return triple
      ? `"""\n${escapeBasic(value, true).replaceAll('"""', '""\\"')}"""`
      : `"${escapeBasic(value, false)}"`
  }
  if (triple) return `'''\n${value}'''`
  return maxSingles > 0 ? `'''${value}'''` : `'${value}'`
}

/** A key as toml_edit writes a new one: bare when possible, else a quoted string. */
export function formatKey(key: string): string {
  return key !== '' && BARE_KEY.test(key) ? key : formatString(key, true)
}

export function formatKeyPath(path: readonly string[]): string {
  return path.map(formatKey).join('.')
}

function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  const text = String(n).replace('e+', 'e')
  return /^-?\d+$/.test(text) ? `${text}.0` : text
}

/** Array items written as toml_edit does for a new array: `["a", "b"]`. */
export function formatArray(items: readonly string[]): string {
  return `[${items.join(', ')}]`
}

/** An inline table in toml_edit's default layout: `{ a = 1, b = 2 }`, or `{}` when empty. */
export function formatInlineTable(entries: readonly (readonly [key: string, value: string])[]): string {
  if (entries.length === 0) return '{}'
  return `{ ${entries.map(([k, v]) => `${k} = ${v}`).join(', ')} }`
}

/**
 * Any JSON value from the forms as new TOML text; whole numbers become integers. In a CRLF
 * document a string with line breaks is written on one line with `\n` escapes: a triple-quoted
 * string would bring bare LF line ends into the file.
 */
export function formatValue(value: TomlJson, newline: '\n' | '\r\n' = '\n'): string {
  if (typeof value === 'string') return formatString(value, newline === '\r\n')
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatFloat(value)
  if (Array.isArray(value))
    return formatArray((value as readonly TomlJson[]).map((v) => formatValue(v, newline)))
  const table = value as { readonly [key: string]: TomlJson }
  return formatInlineTable(
    Object.keys(table).map((k) => [formatKey(k), formatValue(table[k]!, newline)] as const)
  )
}

/** Splits the raw text of a dotted key (`a."b.c" . d`) into its segments' raw text. */
export function splitKeyRaw(raw: string): string[] {
  const parts: string[] = []
  let current = ''
  let quote: string | undefined
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!
    if (quote) {
      current += ch
      if (ch === '\\' && quote === '"') current += raw[++i] ?? ''
      else if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") {
      quote = ch
      current += ch
    } else if (ch === '.') {
      parts.push(current.trim())
      current = ''
    } else current += ch
  }
  parts.push(current.trim())
  return parts
}
