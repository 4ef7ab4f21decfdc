/** Line arithmetic for the raw view (1-based lines, as TOML errors and problems count them). */

/** The offset of the first character of a 1-based line (the end of the text past the last line). */
export function lineStart(text: string, line: number): number {
  let offset = 0
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return offset
}

/** How many lines the text shows: one more than it has line breaks. */
export function countLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}
