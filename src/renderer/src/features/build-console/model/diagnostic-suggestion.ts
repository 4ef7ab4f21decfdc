/** rustc's suggested fix in words: an empty replacement deletes the span. */
import type { DiagnosticChild } from '@shared/models/diagnostic'

export function suggestionText(c: DiagnosticChild): string | undefined {
  if (c.replacement === undefined) return undefined
  return c.replacement === '' ? 'remove this' : `replace with \`${c.replacement}\``
}
