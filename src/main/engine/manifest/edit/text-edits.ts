/** Text replacements over one string, applied together; the editor's only way to change text. */

export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * Applies non-overlapping edits (insertions at one offset keep their given order). Overlaps are
 * a bug in the caller, so they throw instead of producing a garbled file.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i)
  let out = ''
  let at = 0
  for (const { e } of sorted) {
    if (e.start < at || e.end < e.start) throw new Error(`overlapping text edits at ${e.start}`)
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  return out + text.slice(at)
}

/** Text that will follow `offset` on a fresh line: a newline first when the line is unfinished. */
export function onFreshLine(text: string, offset: number, newline: string): string {
  return offset > 0 && text[offset - 1] !== '\n' ? newline : ''
}

/** Converts `\n` in generated text to the document's newline. */
export function withNewline(text: string, newline: string): string {
  return newline === '\n' ? text : text.replace(/\r?\n/g, newline)
}
