/**
 * Cargo's `short_hash` of a string, bit for bit: rustc-stable-hash's SipHasher128 (SipHash-1-3
 * with a 128-bit result, keys 0) over the string's bytes and the `0xff` that Rust's `str` hashing
 * appends, folded to 64 bits as `low * 3 + high` and printed as little-endian hex.
 *
 * Matching cargo here makes the git cache's directory names (`git/db/<name>-<hash>`) the ones
 * cargo itself would use, so a cache can be shared with it.
 */

const MASK = (1n << 64n) - 1n

interface SipState {
  v0: bigint
  v1: bigint
  v2: bigint
  v3: bigint
}

function rotl(x: bigint, bits: bigint): bigint {
  return ((x << bits) | (x >> (64n - bits))) & MASK
}

function round(s: SipState): void {
  s.v0 = (s.v0 + s.v1) & MASK
  s.v1 = rotl(s.v1, 13n) ^ s.v0
  s.v0 = rotl(s.v0, 32n)
  s.v2 = (s.v2 + s.v3) & MASK
  s.v3 = rotl(s.v3, 16n) ^ s.v2
  s.v0 = (s.v0 + s.v3) & MASK
  s.v3 = rotl(s.v3, 21n) ^ s.v0
  s.v2 = (s.v2 + s.v1) & MASK
  s.v1 = rotl(s.v1, 17n) ^ s.v2
  s.v2 = rotl(s.v2, 32n)
}

function compress(s: SipState, word: bigint): void {
  s.v3 ^= word
  round(s)
  s.v0 ^= word
}

function readWord(bytes: Uint8Array, start: number, length: number): bigint {
  let word = 0n
  for (let i = length - 1; i >= 0; i--) word = (word << 8n) | BigInt(bytes[start + i] ?? 0)
  return word
}

/** SipHash-1-3 with a 128-bit result (keys 0, 0): the two 64-bit halves. */
export function sipHash13x128(bytes: Uint8Array): readonly [bigint, bigint] {
  const s: SipState = {
    v0: 0x736f6d6570736575n,
    v1: 0x646f72616e646f6dn ^ 0xeen,
    v2: 0x6c7967656e657261n,
    v3: 0x7465646279746573n
  }
  const whole = bytes.length - (bytes.length % 8)
  for (let i = 0; i < whole; i += 8) compress(s, readWord(bytes, i, 8))
  compress(s, (BigInt(bytes.length & 0xff) << 56n) | readWord(bytes, whole, bytes.length - whole))
  s.v2 ^= 0xeen
  for (let i = 0; i < 3; i++) round(s)
  const low = s.v0 ^ s.v1 ^ s.v2 ^ s.v3
  s.v1 ^= 0xddn
  for (let i = 0; i < 3; i++) round(s)
  return [low, s.v0 ^ s.v1 ^ s.v2 ^ s.v3]
}

/** Cargo's `short_hash(&str)`: 16 hex digits. */
export function cargoShortHash(text: string): string {
  const utf8 = new TextEncoder().encode(text)
  const bytes = new Uint8Array(utf8.length + 1)
  bytes.set(utf8)
  bytes[utf8.length] = 0xff
  const [low, high] = sipHash13x128(bytes)
  const folded = (low * 3n + high) & MASK
  let hex = ''
  for (let i = 0n; i < 8n; i++) hex += ((folded >> (8n * i)) & 0xffn).toString(16).padStart(2, '0')
  return hex
}
