/**
 * `application/x-www-form-urlencoded` as the url crate does it (what cargo's lock format 4 uses
 * for git reference values). JavaScript's encodeURIComponent differs: it keeps `!'()~` and
 * writes a space as `%20`, where this keeps only `*-._` and writes `+`.
 */

const KEPT = /[A-Za-z0-9*\-._]/

/** The url crate's `form_urlencoded::byte_serialize`. */
export function formUrlEncode(value: string): string {
  let out = ''
  for (const byte of new TextEncoder().encode(value)) {
    const ch = String.fromCharCode(byte)
    if (byte < 0x80 && KEPT.test(ch)) out += ch
    else if (byte === 0x20) out += '+'
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function hexValue(code: number | undefined): number | undefined {
  if (code === undefined) return undefined
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : undefined
}

/** Decodes one name or value: `+` is a space, `%XX` a byte, a malformed `%` stays as it is. */
function decodeComponent(text: string): string {
  const bytes = new TextEncoder().encode(text.replaceAll('+', ' '))
  const out: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const hi = hexValue(bytes[i + 1])
    const lo = hexValue(bytes[i + 2])
    if (bytes[i] === 0x25 && hi !== undefined && lo !== undefined) {
      out.push(hi * 16 + lo)
      i += 2
    } else out.push(bytes[i] ?? 0)
  }
  return new TextDecoder().decode(new Uint8Array(out))
}

/** The url crate's `query_pairs()`: `&`-separated, empty pieces skipped, split at the first `=`. */
export function formUrlDecodePairs(query: string): readonly (readonly [string, string])[] {
  return query
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const eq = piece.indexOf('=')
      return eq < 0
        ? ([decodeComponent(piece), ''] as const)
        : ([decodeComponent(piece.slice(0, eq)), decodeComponent(piece.slice(eq + 1))] as const)
    })
}
