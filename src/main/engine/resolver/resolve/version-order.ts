/**
 * Semver ordering and cargo's compatibility buckets. The resolver sorts candidates newest first
 * and allows one version per bucket: `1.x.y` share a bucket, `0.3.x` do, `0.0.4` is alone.
 * Numbers are compared as digit strings, so versions beyond 2^53 still order exactly.
 */

interface ParsedVersion {
  readonly major: string
  readonly minor: string
  readonly patch: string
  readonly pre: readonly string[]
  readonly build: string
}

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/
const parsed = new Map<string, ParsedVersion | null>()

function parse(text: string): ParsedVersion | null {
  let v = parsed.get(text)
  if (v !== undefined) return v
  const m = VERSION.exec(text)
  v = m
    ? { major: m[1]!, minor: m[2]!, patch: m[3]!, pre: m[4] ? m[4].split('.') : [], build: m[5] ?? '' }
    : null
  parsed.set(text, v)
  return v
}

/** Whether `text` is a full semver version (what a source must list). */
export function isVersion(text: string): boolean {
  return parse(text) !== null
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

function compareIdentifiers(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!
    const y = b[i]!
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    const d = xn && yn ? compareNumeric(x, y) : xn !== yn ? (xn ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0
    if (d !== 0) return d
  }
  return Math.sign(a.length - b.length)
}

/**
 * semver's total order (the `semver` crate's `Ord`): numbers, then pre-release (none is
 * highest), then build metadata as the last tie-break. Unparsable versions sort first.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0
  const x = parse(a)
  const y = parse(b)
  if (!x || !y) return x ? 1 : y ? -1 : a < b ? -1 : 1
  return (
    compareNumeric(x.major, y.major) ||
    compareNumeric(x.minor, y.minor) ||
    compareNumeric(x.patch, y.patch) ||
    compareIdentifiers(x.pre, y.pre) ||
    (x.build < y.build ? -1 : x.build > y.build ? 1 : 0)
  )
}

/** cargo's `SemverCompatibility`: the left-most non-zero number names the bucket. */
export function compatBucket(version: string): string {
  const v = parse(version)
  if (!v) return `?${version}`
  if (v.major !== '0') return `${v.major}`
  if (v.minor !== '0') return `0.${v.minor}`
  return `0.0.${v.patch}`
}

/** Same version for a locked requirement: cargo ignores build metadata there. */
export function sameVersionIgnoringBuild(a: string, b: string): boolean {
  const x = parse(a)
  const y = parse(b)
  if (!x || !y) return a === b
  return (
    x.major === y.major && x.minor === y.minor && x.patch === y.patch && x.pre.join('.') === y.pre.join('.')
  )
}
