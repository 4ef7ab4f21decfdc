/**
 * Splits a program's argument line the way a user expects from a shell, without a shell:
 * whitespace separates, and single or double quotes group (`--name 'a b'` → ["--name", "a b"]).
 * No escapes or expansion, so what is typed is what the program receives.
 */
export function splitArgs(line: string): string[] {
  const args: string[] = []
  let current = ''
  let quote: '"' | "'" | undefined
  let started = false
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      started = true
    } else if (/\s/.test(ch)) {
      if (started) args.push(current)
      current = ''
      started = false
    } else {
      current += ch
      started = true
    }
  }
  if (started) args.push(current)
  return args
}
