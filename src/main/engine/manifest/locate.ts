/**
 * Finds the line that defines a key path in TOML text, so errors about values (not just
 * syntax) can point at a line. smol-toml returns plain objects without positions; this is a
 * light line scanner over the same text, good enough for reporting and never used to write.
 */

export type KeyPath = readonly (string | number)[]

interface Entry {
  readonly path: KeyPath
  readonly line: number
}

export class KeyLocator {
  private readonly entries: readonly Entry[]

  constructor(text: string) {
    this.entries = scan(text)
  }

  /**
   * The line that defines `path` (or, for dotted keys like `version.workspace = true`, its first
   * sub-key); failing that, the line of its nearest defined ancestor.
   */
  lineOf(path: KeyPath): number | undefined {
    const own = this.entries.find((e) => path.length > 0 && commonPrefix(e.path, path) === path.length)
    if (own) return own.line
    let best: Entry | undefined
    let bestLen = 0
    for (const e of this.entries) {
      const n = commonPrefix(e.path, path)
      if (n === e.path.length && n > bestLen) {
        best = e
        bestLen = n
      }
    }
    return best?.line
  }
}

function commonPrefix(a: KeyPath, b: KeyPath): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

function scan(text: string): Entry[] {
  const entries: Entry[] = []
  const arrayCounts = new Map<string, number>()
  let table: KeyPath = []
  let multiline: '"""' | "'''" | undefined
  let bracketDepth = 0
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    if (multiline) {
      if (raw.includes(multiline)) multiline = undefined
      continue
    }
    if (bracketDepth > 0) {
      bracketDepth += bracketBalance(raw)
      continue
    }
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('[')) {
      const isArray = line.startsWith('[[')
      const inner = line.slice(isArray ? 2 : 1)
      const keys = parseKey(inner)
      if (!keys) continue
      if (isArray) {
        const id = keys.keys.join('\u0000')
        const index = arrayCounts.get(id) ?? 0
        arrayCounts.set(id, index + 1)
        table = [...keys.keys, index]
      } else {
        table = keys.keys
      }
      entries.push({ path: table, line: i + 1 })
      continue
    }
    const key = parseKey(line)
    if (!key) continue
    const rest = key.rest.trimStart()
    if (!rest.startsWith('=')) continue
    entries.push({ path: [...table, ...key.keys], line: i + 1 })
    const value = rest.slice(1)
    const triple = value.includes('"""') ? '"""' : value.includes("'''") ? "'''" : undefined
    if (triple && value.split(triple).length === 2) multiline = triple
    else bracketDepth = Math.max(0, bracketBalance(value))
  }
  return entries
}

/** Net `[`/`{` minus `]`/`}` outside strings and comments: >0 means the value continues. */
function bracketBalance(text: string): number {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === '\\' && quote === '"') i++
      else if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '#') break
    else if (ch === '[' || ch === '{') depth++
    else if (ch === ']' || ch === '}') depth--
  }
  return depth
}

/** Parses a dotted key (`a."b.c".d`) at the start of `text`; returns the parts and the rest. */
function parseKey(text: string): { keys: string[]; rest: string } | undefined {
  const keys: string[] = []
  let i = 0
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++
    const ch = text[i]
    if (ch === '"' || ch === "'") {
      let value = ''
      i++
      while (i < text.length && text[i] !== ch) {
        if (ch === '"' && text[i] === '\\') {
          value += text[i + 1] ?? ''
          i += 2
        } else value += text[i++]
      }
      if (i >= text.length) return undefined
      i++
      keys.push(value)
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i))
      if (!m) return undefined
      keys.push(m[0])
      i += m[0].length
    }
    while (text[i] === ' ' || text[i] === '\t') i++
    if (text[i] !== '.') break
    i++
  }
  return { keys, rest: text.slice(i) }
}
