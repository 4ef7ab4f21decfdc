/**
 * Rust's `str::lines()`, which cargo uses both to keep a lock file's top comments and to decide
 * whether a lock changed: `\n` and `\r\n` end a line, and a final line ending is optional, so
 * CRLF files and a missing last newline compare equal to cargo's output.
 */
export function rustLines(text: string): string[] {
  if (text === '') return []
  const pieces = text.split('\n')
  const endsWithNewline = pieces.at(-1) === ''
  if (endsWithNewline) pieces.pop()
  return pieces.map((piece, i) =>
    (i < pieces.length - 1 || endsWithNewline) && piece.endsWith('\r') ? piece.slice(0, -1) : piece
  )
}

/** Whether two texts have the same lines in Rust's sense. */
export function sameLines(a: string, b: string): boolean {
  const x = rustLines(a)
  const y = rustLines(b)
  return x.length === y.length && x.every((line, i) => line === y[i])
}
