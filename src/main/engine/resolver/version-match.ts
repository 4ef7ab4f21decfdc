/**
 * Does a version satisfy a cargo requirement? The semver crate's rules, including the one that
 * surprises: a pre-release matches only a comparator naming the same MAJOR.MINOR.PATCH with a
 * pre-release of its own.
 */
import type { Comparator, VersionReq } from './version-req'

interface Version {
  readonly major: bigint
  readonly minor: bigint
  readonly patch: bigint
  readonly pre: string
}

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

function parseVersionForMatch(text: string): Version | undefined {
  const m = VERSION.exec(text)
  if (!m) return undefined
  return { major: BigInt(m[1]!), minor: BigInt(m[2]!), patch: BigInt(m[3]!), pre: m[4] ?? '' }
}

/** semver's pre-release order: none is highest; numeric < alphanumeric; then segment by segment. */
function comparePre(a: string, b: string): number {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  const as = a.split('.')
  const bs = b.split('.')
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!
    const y = bs[i]!
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) {
      const d = BigInt(x) - BigInt(y)
      if (d !== 0n) return d < 0n ? -1 : 1
    } else if (xn !== yn) return xn ? -1 : 1
    else if (x !== y) return x < y ? -1 : 1
  }
  return as.length - bs.length
}

function exact(c: Comparator, v: Version): boolean {
  if (v.major !== c.major) return false
  if (c.minor !== undefined && v.minor !== c.minor) return false
  if (c.patch !== undefined && v.patch !== c.patch) return false
  return v.pre === c.pre
}

/** Sign of version minus comparator, over the parts the comparator names (undefined: equal so far). */
function order(c: Comparator, v: Version): number | undefined {
  if (v.major !== c.major) return v.major > c.major ? 1 : -1
  if (c.minor === undefined) return undefined
  if (v.minor !== c.minor) return v.minor > c.minor ? 1 : -1
  if (c.patch === undefined) return undefined
  if (v.patch !== c.patch) return v.patch > c.patch ? 1 : -1
  return Math.sign(comparePre(v.pre, c.pre))
}

function caret(c: Comparator, v: Version): boolean {
  if (v.major !== c.major) return false
  if (c.minor === undefined) return true
  if (c.patch === undefined) return c.major > 0n ? v.minor >= c.minor : v.minor === c.minor
  if (c.major > 0n) {
    if (v.minor !== c.minor) return v.minor > c.minor
    if (v.patch !== c.patch) return v.patch > c.patch
  } else if (c.minor > 0n) {
    if (v.minor !== c.minor) return false
    if (v.patch !== c.patch) return v.patch > c.patch
  } else if (v.minor !== c.minor || v.patch !== c.patch) return false
  return comparePre(v.pre, c.pre) >= 0
}

function tilde(c: Comparator, v: Version): boolean {
  if (v.major !== c.major) return false
  if (c.minor !== undefined && v.minor !== c.minor) return false
  if (c.patch !== undefined && v.patch !== c.patch) return v.patch > c.patch
  return comparePre(v.pre, c.pre) >= 0
}

function matchesOne(c: Comparator, v: Version): boolean {
  switch (c.op) {
    case '=':
    case '*':
      return exact(c, v)
    case '>':
      return order(c, v) === 1
    case '>=':
      return exact(c, v) || order(c, v) === 1
    case '<':
      return order(c, v) === -1
    case '<=':
      return exact(c, v) || order(c, v) === -1
    case '~':
      return tilde(c, v)
    case '^':
      return caret(c, v)
  }
}

/**
 * Whether `version` satisfies `req`, with semver's rule that a pre-release only matches a
 * comparator that names the same MAJOR.MINOR.PATCH with a pre-release of its own.
 */
export function matchesVersionReq(req: VersionReq, version: string): boolean {
  const v = parseVersionForMatch(version)
  if (!v) return false
  if (!req.every((c) => matchesOne(c, v))) return false
  if (v.pre === '') return true
  return req.some((c) => c.major === v.major && c.minor === v.minor && c.patch === v.patch && c.pre !== '')
}
