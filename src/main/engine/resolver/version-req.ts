/**
 * Cargo's version requirements (`serde = ">= 1.2, < 1.5"`), parsed the way cargo's `semver`
 * crate parses them, with its error messages. npm's syntax looks similar but is not cargo's:
 * `||`, hyphen ranges (`1 - 2`) and a leading `v` are rejected, exactly as cargo rejects them.
 * (`1.x` and `x` are wildcards to cargo too, so they are accepted.)
 */

export type ReqOp = '=' | '>' | '>=' | '<' | '<=' | '~' | '^' | '*'

/** One comparator; `minor`/`patch` are absent when not written (or written as a wildcard). */
export interface Comparator {
  readonly op: ReqOp
  readonly major: bigint
  readonly minor?: bigint
  readonly patch?: bigint
  readonly pre: string
}

export type VersionReq = readonly Comparator[]

export type ParsedReq =
  { readonly ok: true; readonly req: VersionReq } | { readonly ok: false; readonly error: string }

type Position = 'major' | 'minor' | 'patch' | 'pre' | 'build'

const POSITION_NAMES: Record<Position, string> = {
  major: 'major version number',
  minor: 'minor version number',
  patch: 'patch version number',
  pre: 'pre-release identifier',
  build: 'build metadata'
}

/** cargo (semver 1.x) refuses requirements with more comparators than this. */
const MAX_COMPARATORS = 32
const U64_MAX = 2n ** 64n - 1n

class ReqError extends Error {}

const quoted = (ch: string) => `'${ch === '\0' ? '\\0' : ch}'`
const fail = (message: string): never => {
  throw new ReqError(message)
}

function trimSpaces(text: string): string {
  let i = 0
  while (text[i] === ' ') i++
  return text.slice(i)
}

function wildcard(text: string): { ch: string; rest: string } | undefined {
  const ch = text[0]
  return ch === '*' || ch === 'x' || ch === 'X' ? { ch, rest: text.slice(1) } : undefined
}

function op(text: string): { op: ReqOp | undefined; rest: string } {
  if (text.startsWith('>=')) return { op: '>=', rest: text.slice(2) }
  if (text.startsWith('<=')) return { op: '<=', rest: text.slice(2) }
  const first = text[0]
  if (first === '=' || first === '>' || first === '<' || first === '~' || first === '^')
    return { op: first, rest: text.slice(1) }
  return { op: undefined, rest: text }
}

function numeric(text: string, pos: Position): { value: bigint; rest: string } {
  let len = 0
  let value = 0n
  while (len < text.length && text[len]! >= '0' && text[len]! <= '9') {
    if (value === 0n && len > 0) fail(`invalid leading zero in ${POSITION_NAMES[pos]}`)
    value = value * 10n + BigInt(text.charCodeAt(len) - 48)
    if (value > U64_MAX) fail(`value of ${POSITION_NAMES[pos]} exceeds u64::MAX`)
    len++
  }
  if (len > 0) return { value, rest: text.slice(len) }
  const next = [...text][0]
  return next === undefined
    ? fail(`unexpected end of input while parsing ${POSITION_NAMES[pos]}`)
    : fail(`unexpected character ${quoted(next)} while parsing ${POSITION_NAMES[pos]}`)
}

/** Dot-separated `[0-9A-Za-z-]+` segments; numeric pre-release segments may not have leading zeros. */
function identifier(text: string, pos: 'pre' | 'build'): { value: string; rest: string } {
  let accumulated = 0
  let segment = 0
  let nonDigit = false
  for (;;) {
    const c = text[accumulated + segment]
    if (c !== undefined && /[A-Za-z-]/.test(c)) {
      segment++
      nonDigit = true
    } else if (c !== undefined && c >= '0' && c <= '9') {
      segment++
    } else {
      if (segment === 0) {
        if (accumulated === 0 && c !== '.') return { value: '', rest: text }
        fail(`empty identifier segment in ${POSITION_NAMES[pos]}`)
      }
      if (pos === 'pre' && segment > 1 && !nonDigit && text[accumulated] === '0')
        fail(`invalid leading zero in ${POSITION_NAMES[pos]}`)
      accumulated += segment
      if (c !== '.') return { value: text.slice(0, accumulated), rest: text.slice(accumulated) }
      accumulated++
      segment = 0
      nonDigit = false
    }
  }
}

function comparator(input: string): { comparator: Comparator; pos: Position; rest: string } {
  const parsedOp = op(input)
  let reqOp: ReqOp = parsedOp.op ?? '^'
  let text = trimSpaces(parsedOp.rest)
  let pos: Position = 'major'
  const major = numeric(text, pos)
  text = major.rest
  let minor: bigint | undefined
  let patch: bigint | undefined
  let hasWildcard = false
  if (text.startsWith('.')) {
    pos = 'minor'
    const w = wildcard(text.slice(1))
    if (w) {
      hasWildcard = true
      if (!parsedOp.op) reqOp = '*'
      text = w.rest
    } else {
      const n = numeric(text.slice(1), pos)
      minor = n.value
      text = n.rest
    }
  }
  if (text.startsWith('.')) {
    pos = 'patch'
    const w = wildcard(text.slice(1))
    if (w) {
      if (!parsedOp.op) reqOp = '*'
      text = w.rest
    } else if (hasWildcard) {
      fail('unexpected character after wildcard in version req')
    } else {
      const n = numeric(text.slice(1), pos)
      patch = n.value
      text = n.rest
    }
  }
  let pre = ''
  if (patch !== undefined && text.startsWith('-')) {
    pos = 'pre'
    const id = identifier(text.slice(1), 'pre')
    if (id.value === '') fail(`empty identifier segment in ${POSITION_NAMES.pre}`)
    pre = id.value
    text = id.rest
  }
  if (patch !== undefined && text.startsWith('+')) {
    pos = 'build'
    const id = identifier(text.slice(1), 'build')
    if (id.value === '') fail(`empty identifier segment in ${POSITION_NAMES.build}`)
    text = id.rest
  }
  return {
    comparator: { op: reqOp, major: major.value, minor, patch, pre },
    pos,
    rest: trimSpaces(text)
  }
}

function parseOrThrow(input: string): VersionReq {
  const text = trimSpaces(input)
  const star = wildcard(text)
  if (star) {
    const rest = trimSpaces(star.rest)
    // `*` alone is cargo's STAR: no comparator at all, so any release matches.
    if (rest === '') return []
    if (rest.startsWith(',')) fail(`wildcard req (${star.ch}) must be the only comparator in the version req`)
    fail('unexpected character after wildcard in version req')
  }
  const out: Comparator[] = []
  let rest = text
  for (;;) {
    let parsed
    try {
      parsed = comparator(rest)
    } catch (e) {
      const w = wildcard(rest)
      if (e instanceof ReqError && w) {
        const after = trimSpaces(w.rest)
        if (after === '' || after.startsWith(','))
          fail(`wildcard req (${w.ch}) must be the only comparator in the version req`)
      }
      throw e
    }
    out.push(parsed.comparator)
    if (parsed.rest === '') return out
    if (!parsed.rest.startsWith(','))
      fail(`expected comma after ${POSITION_NAMES[parsed.pos]}, found ${quoted([...parsed.rest][0]!)}`)
    if (out.length === MAX_COMPARATORS) fail('excessive number of version comparators')
    rest = trimSpaces(parsed.rest.slice(1))
  }
}

/** Parses a requirement as cargo does; the error is cargo's own wording. */
export function parseVersionReq(text: string): ParsedReq {
  try {
    return { ok: true, req: parseOrThrow(text) }
  } catch (e) {
    if (e instanceof ReqError) return { ok: false, error: e.message }
    throw e
  }
}

/** A readable problem with a dependency's version requirement, or undefined when cargo accepts it. */
export function checkVersionReq(text: string): string | undefined {
  const parsed = parseVersionReq(text)
  if (parsed.ok) return undefined
  const hint = /\|\|/.test(text)
    ? ' Cargo has no `||`; list one requirement, or use a range like `>=1, <3`.'
    : /\s-\s/.test(text)
      ? ' Cargo has no hyphen ranges; write `>=1.0, <=2.0` instead.'
      : /^\s*[vV]\d/.test(text)
        ? ' Remove the leading `v`.'
        : ''
  return `Invalid version requirement \`${text}\`: ${parsed.error}.${hint}`
}

/**
 * `1.x`: cargo accepts `x`/`X` as a wildcard (its semver crate does), though only `*` is
 * documented; worth a note, not an error.
 */
export function usesLetterWildcard(text: string): boolean {
  return parseVersionReq(text).ok && /(?:^|[.\s,<>=~^])[xX](?:$|[.\s,])/.test(text)
}
