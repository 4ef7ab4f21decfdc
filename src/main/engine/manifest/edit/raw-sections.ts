/**
 * `[patch.*]`, `[replace]`, `[lints]` and `[badges]` are edited as TOML text: their shapes are
 * open-ended, so a form would hide more than it shows. Reading gives each section's own text;
 * writing replaces it in place (its comments above stay), or adds it where cargo adds tables.
 */
import type { RawSection } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { parseToml } from '../parse-toml'
import { buildLayout, renderSlot, type DocumentLayout } from './layout'
import { applyTextEdits, onFreshLine, withNewline, type TextEdit } from './text-edits'

export const RAW_SECTIONS: readonly RawSection[] = ['patch', 'replace', 'lints', 'badges']

interface Piece {
  /** Where the piece's own text starts (its header, or its line). */
  readonly start: number
  /** Where the lines it owns start (comments above it). */
  readonly ownedStart: number
  readonly end: number
}

function piecesOf(layout: DocumentLayout, name: RawSection): Piece[] {
  const pieces: Piece[] = []
  for (const kv of layout.sections[0]!.items)
    if (kv.key[0] === name) pieces.push({ start: kv.lineStart, ownedStart: kv.prefixStart, end: kv.lineEnd })
  for (const s of layout.sections.slice(1))
    if (s.key[0] === name) pieces.push({ start: s.headerStart, ownedStart: s.prefixStart, end: s.bodyEnd })
  return pieces
}

/** Each raw section's text as it stands (pieces in document order, joined). */
export function rawSectionTexts(layout: DocumentLayout): Partial<Record<RawSection, string>> {
  const out: Partial<Record<RawSection, string>> = {}
  for (const name of RAW_SECTIONS) {
    const pieces = piecesOf(layout, name)
    if (pieces.length) out[name] = pieces.map((p) => layout.text.slice(p.start, p.end)).join('')
  }
  return out
}

/** Checks that `text` parses and defines `[name…]` sections only; returns it normalized. */
function validated(name: RawSection, text: string, newline: string): string {
  if (text.trim() === '') return ''
  let parsed
  try {
    parsed = parseToml(text, `the [${name}] text`)
  } catch (e) {
    const details = e instanceof EngineError ? e.details : {}
    throw new EngineError('invalid-input', (e as Error).message, {
      ...(details.line ? { line: details.line } : {}),
      hint: `Fix the TOML syntax of the [${name}] text.`
    })
  }
  const others = Object.keys(parsed).filter((k) => k !== name)
  if (others.length)
    throw new EngineError(
      'invalid-input',
      `The [${name}] text may only define \`${name}\`, but it also defines \`${others[0]}\`.`,
      { hint: `Move \`${others[0]}\` to its own section.` }
    )
  const layout = buildLayout(text)
  if (layout.sections[0]!.items.length)
    throw new EngineError(
      'invalid-input',
      `Write the [${name}] text as \`[${name}…]\` sections, not as top-level keys.`,
      {
        line: layout.offsets.lineOf(layout.sections[0]!.items[0]!.keyStart)
      }
    )
  const normalized = withNewline(text, newline)
  return normalized.endsWith(newline) ? normalized : normalized + newline
}

export function setRawSection(text: string, name: RawSection, raw: string): string {
  const layout = buildLayout(text)
  const replacement = validated(name, raw, layout.newline)
  const current = rawSectionTexts(layout)[name]
  if ((current ?? '') === replacement) return text
  const pieces = piecesOf(layout, name)
  const edits: TextEdit[] = []
  const first = pieces.find((p) => layout.sections.some((s) => s.index > 0 && s.headerStart === p.start))
  for (const p of pieces) {
    if (p === first && replacement) edits.push({ start: p.start, end: p.end, text: replacement })
    else edits.push({ start: p.ownedStart, end: p.end, text: '' })
  }
  if (!first && replacement) {
    // Top-level `lints.workspace = true` style keys leave: the section goes after the last table.
    const slot = pieces.length ? layout.sections.length - 1 : renderSlot(layout.root, [name])
    const at = layout.sections[slot]!.bodyEnd
    const lead = at === 0 ? '' : onFreshLine(text, at, layout.newline) + layout.newline
    edits.push({ start: at, end: at, text: lead + replacement })
  }
  const out = applyTextEdits(text, edits)
  try {
    parseToml(out, 'the manifest')
  } catch (e) {
    throw new EngineError(
      'invalid-input',
      `The [${name}] text conflicts with the rest of the manifest: ${(e as Error).message}`
    )
  }
  return out
}
