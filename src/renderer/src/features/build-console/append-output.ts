/** How output chunks become console lines; kept apart from the reducer it serves. */
import type { OutputSource } from '@shared/models/build'
import type { ConsoleLine } from './operation-state'

/**
 * Splits a chunk of program or compiler output into lines. A chunk need not end at a newline,
 * so an unterminated last line stays open and the next chunk of the same stream continues it.
 */
export function appendOutput(
  lines: ConsoleLine[],
  firstId: number,
  source: OutputSource,
  stream: 'stdout' | 'stderr',
  text: string
): number {
  let nextId = firstId
  if (text === '') return nextId
  const pieces = text.split('\n')
  const endsWithNewline = text.endsWith('\n')
  if (endsWithNewline) pieces.pop()
  pieces.forEach((raw, index) => {
    const open = index === pieces.length - 1 && !endsWithNewline
    const pendingReturn = open && raw.endsWith('\r') ? ({ pendingReturn: true } as const) : {}
    const last = lines[lines.length - 1]
    if (
      index === 0 &&
      last?.kind === 'output' &&
      last.open &&
      last.source === source &&
      last.stream === stream
    ) {
      // `10%\r` then `20%`: a carriage return left pending means the new text redraws the line.
      const text = last.pendingReturn && raw !== '' ? cleanLine(raw) : cleanLine(last.text + raw)
      lines[lines.length - 1] = { kind: 'output', id: last.id, source, stream, text, open, ...pendingReturn }
      return
    }
    lines.push({ kind: 'output', id: nextId++, source, stream, text: cleanLine(raw), open, ...pendingReturn })
  })
  return nextId
}

/** Drops a CRLF's `\r`, and keeps only the last redraw of a carriage-return progress line. */
function cleanLine(text: string): string {
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text
  const cut = trimmed.lastIndexOf('\r')
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed
}
