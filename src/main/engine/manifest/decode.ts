/**
 * Bytes → text for TOML files: strict UTF-8 (cargo rejects anything else), a BOM tolerated,
 * and a size cap (readers read at most one byte past it) so a hostile file cannot stall the app.
 */
import { EngineError } from '../errors'

export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

export interface DecodedText {
  readonly text: string
  readonly hadBom: boolean
}

export function decodeTomlBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    throw new EngineError(
      'manifest-parse',
      `${file} is larger than 16 MiB; manifests that large are refused.`,
      {
        file,
        hint: 'Check that this is really a Cargo manifest.'
      }
    )
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hadBom ? bytes.subarray(3) : bytes
  // The native strict decoder checks what the byte scan checks, much faster; the scan only runs
  // to say where a broken file breaks.
  try {
    return { text: STRICT.decode(body), hadBom }
  } catch {
    // fall through to locate the bad byte
  }
  const bad = firstInvalidUtf8(body) ?? 0
  const line = countLines(body, bad)
  throw new EngineError(
    'manifest-parse',
    `${file} is not valid UTF-8 (byte ${bad + (hadBom ? 3 : 0)} on line ${line}).`,
    { file, line, hint: 'Save the file as UTF-8.' }
  )
}

const STRICT = new TextDecoder('utf-8', { fatal: true })

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), if any. */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0
  while (i < b.length) {
    const c = b[i] ?? 0
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80]
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800]
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = c & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const n = b[i + k]
      if (n === undefined || (n & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (n & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return undefined
}
