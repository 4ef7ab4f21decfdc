/**
 * TOML strings and keys exactly as cargo's TOML writer (the `toml_writer` crate) renders them,
 * so a rewritten Cargo.lock is byte-identical to cargo's. The writer picks the plainest form
 * that needs no escapes: "basic", then 'literal', then """multi-line basic""", then
 * '''multi-line literal''', and escapes only when none of those fit.
 */

interface Metrics {
  readonly maxSingleQuotes: number
  readonly maxDoubleQuotes: number
  /** A control character other than tab and newline (needs a `\` escape). */
  readonly escapeCodes: boolean
  readonly backslash: boolean
  readonly newline: boolean
}

function isControl(code: number): boolean {
  return code <= 0x1f || code === 0x7f
}

function measure(s: string): Metrics {
  let maxSingleQuotes = 0
  let maxDoubleQuotes = 0
  let singles = 0
  let doubles = 0
  let escapeCodes = false
  let backslash = false
  let newline = false
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    singles = code === 0x27 ? singles + 1 : 0
    doubles = code === 0x22 ? doubles + 1 : 0
    maxSingleQuotes = Math.max(maxSingleQuotes, singles)
    maxDoubleQuotes = Math.max(maxDoubleQuotes, doubles)
    if (code === 0x5c) backslash = true
    else if (code === 0x0a) newline = true
    else if (code !== 0x09 && isControl(code)) escapeCodes = true
  }
  return { maxSingleQuotes, maxDoubleQuotes, escapeCodes, backslash, newline }
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0c: '\\f',
  0x0d: '\\r',
  0x5c: '\\\\'
}

/** The body of a basic string; a multi-line one keeps newlines and up to two quotes in a row. */
function escapeBasic(s: string, multiline: boolean): string {
  let out = ''
  let doubles = 0
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? ''
    const code = s.charCodeAt(i)
    if (code === 0x22) {
      doubles++
      if (doubles > (multiline ? 2 : 0)) {
        out += '\\"'
        doubles = 0
      } else out += ch
      continue
    }
    doubles = 0
    if (code === 0x0a) out += multiline ? '\n' : '\\n'
    else if (SHORT_ESCAPES[code] !== undefined) out += SHORT_ESCAPES[code]
    else if (isControl(code)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
    else out += ch
  }
  return out
}

function basic(s: string): string {
  return `"${escapeBasic(s, false)}"`
}

function multilineBasic(s: string, m: Metrics): string {
  return `"""${m.newline ? '\n' : ''}${escapeBasic(s, true)}"""`
}

/** A string value as cargo writes it. */
export function tomlString(value: string): string {
  const m = measure(value)
  const plain = !m.escapeCodes && !m.newline
  if (plain && !m.backslash && m.maxDoubleQuotes === 0) return basic(value)
  if (plain && m.maxSingleQuotes === 0) return `'${value}'`
  if (!m.escapeCodes && !m.backslash && m.maxDoubleQuotes <= 2) return multilineBasic(value, m)
  if (!m.escapeCodes && m.maxSingleQuotes <= 2) return `'''${m.newline ? '\n' : ''}${value}'''`
  return m.newline ? multilineBasic(value, m) : basic(value)
}

/** A table key as cargo writes it: bare when it can be, else the plainest quoted form. */
export function tomlKey(key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return key
  const escapeCodes = [...key].some((ch) => ch !== '\t' && isControl(ch.charCodeAt(0)))
  if (!escapeCodes && !key.includes('\\') && !key.includes('"')) return basic(key)
  if (!escapeCodes && !key.includes("'")) return `'${key}'`
  return basic(key)
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff
}

/**
 * Rust's `str` order (UTF-8 bytes, i.e. code points). JavaScript's `<` compares UTF-16 units,
 * which puts astral characters (surrogate pairs) before U+E000–U+FFFF; this does not.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    if (isSurrogate(x) !== isSurrogate(y) && Math.max(x, y) >= 0xe000) return isSurrogate(x) ? 1 : -1
    return x - y
  }
  return a.length - b.length
}
