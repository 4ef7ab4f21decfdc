/**
 * Control characters have no place in names, versions, descriptions or arguments: they are
 * invisible in the UI and TOML forbids them unescaped. Tab and line breaks stay allowed (a
 * description may span lines). DEL (U+007F) is a control character too, as TOML says.
 */
export function firstControlCharacter(s: string): string | undefined {
  for (const ch of s) {
    const code = ch.charCodeAt(0)
    if ((code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') || code === 0x7f) return ch
  }
  return undefined
}

export function hasControlCharacters(s: string): boolean {
  return firstControlCharacter(s) !== undefined
}

/** `U+007F`: how a problem names a character nobody can see. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}
