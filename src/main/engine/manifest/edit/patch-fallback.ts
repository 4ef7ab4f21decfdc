/**
 * The general path for edits the line-based editor does not handle itself (keys inside dotted
 * tables, tables written inline, replacing a whole table): toml-patch diffs the document against
 * the changed object and rewrites only what differs.
 *
 * toml-patch cannot write cargo's style for new values (one `bracketSpacing` flag gives either
 * `{version = "1"}` or `[ "a" ]`), so each new value is first written as a unique placeholder
 * string, whose serialized text is then replaced with our own. It also drops a comment after a
 * root-level empty array (`a = [] # note`) when anything else changes, so every result is checked
 * for lost comments, and an edit that would lose one is refused rather than applied.
 */
import { randomUUID } from 'node:crypto'
import { parse, patch, TomlFormat } from '@decimalturn/toml-patch'
import type { KeyPath, TomlJson } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { parseCst, type CstBlock } from './cst'
import { detectNewline } from './layout'
import { formatValue } from './toml-format'

type Mutation = { readonly path: KeyPath; readonly value?: TomlJson; readonly raw?: string }

function comments(text: string): string[] {
  const out: string[] = []
  const walk = (blocks: readonly CstBlock[]) => {
    for (const b of blocks) {
      if (b.type === 'Comment') out.push(b.raw)
      else if (b.type === 'Table' || b.type === 'TableArray')
        for (const i of b.items) if (i.type === 'Comment') out.push(i.raw)
    }
  }
  walk(parseCst(text))
  return out
}

function container(
  root: Record<string, unknown>,
  path: KeyPath,
  create: boolean
): Record<string, unknown> | unknown[] | undefined {
  let node: unknown = root
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!
    const parent = node as Record<string | number, unknown>
    let next = parent[seg]
    if (next === undefined || next === null) {
      if (!create) return undefined
      next = typeof path[i + 1] === 'number' ? [] : {}
      parent[seg] = next
    }
    if (typeof next !== 'object') {
      throw new EngineError('invalid-input', `\`${path.slice(0, i + 1).join('.')}\` is a value, not a table.`)
    }
    node = next
  }
  return node as Record<string, unknown> | unknown[]
}

/**
 * Applies the mutations with toml-patch. `raw` is TOML text to write as the value (already in
 * cargo's style); a `value` without `raw` is formatted with `formatValue`; neither deletes.
 */
export function patchDocument(text: string, mutations: readonly Mutation[]): string {
  const doc = parse(text) as Record<string, unknown>
  const replacements = new Map<string, string>()
  for (const m of mutations) {
    // Plain objects cannot hold a `__proto__` key by assignment; the line-based editor can.
    if (m.path.includes('__proto__'))
      throw new EngineError(
        'unsupported',
        'A key named `__proto__` cannot be edited here; use the text editor.'
      )
    const last = m.path[m.path.length - 1]
    if (last === undefined) throw new EngineError('invalid-input', 'An edit needs a key path.')
    const deleting = m.value === undefined && m.raw === undefined
    const parent = container(doc, m.path, !deleting)
    if (!parent) continue
    if (deleting) {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1)
      else delete (parent as Record<string | number, unknown>)[last]
      continue
    }
    const placeholder = `__crate_studio_${randomUUID().replaceAll('-', '')}__`
    replacements.set(`"${placeholder}"`, m.raw ?? formatValue(m.value!, detectNewline(text)))
    ;(parent as Record<string | number, unknown>)[last] = placeholder
  }
  // Explicit format: detected from the text (newlines, BOM-free body, indentation), plus ours.
  const format = TomlFormat.autoDetectFormat(text)
  format.updateOrder = false
  format.bracketSpacing = true
  let out = patch(text, doc, format)
  for (const [placeholder, raw] of replacements) {
    if (!out.includes(placeholder)) throw new Error('toml-patch did not write a placeholder')
    out = out.replace(placeholder, () => raw)
  }
  const before = comments(text)
  const after = comments(out)
  const missing = before.filter((c) => {
    const i = after.indexOf(c)
    if (i >= 0) after.splice(i, 1)
    return i < 0
  })
  if (missing.length) {
    throw new EngineError(
      'unsupported',
      `This edit cannot be applied without losing the comment \`${missing[0]}\`, so it was not applied.`,
      { hint: 'Make this change in the text editor instead.' }
    )
  }
  return out
}
