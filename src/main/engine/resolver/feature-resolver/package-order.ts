/**
 * cargo's orderings, which decide the order of every list `cargo metadata` and `cargo tree`
 * print: strings byte-wise (Rust's `str` order), versions by SemVer precedence (then build
 * metadata), sources by kind (path, registry, sparse, local, directory, git) then URL, and
 * package IDs by name, version, source.
 */
import { pathSourceUrl } from '../../tools/paths'
import type { PackageId } from '../resolve/resolve-types'
import type { GitRef, SourceId } from '../../sources/source-id'

/** Rust's `str` order: by UTF-8 bytes, which is code point order (not JS's UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done) return y.done ? 0 : -1
    if (y.done) return 1
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!
    if (d !== 0) return d < 0 ? -1 : 1
  }
}

/** Lexicographic order of two string lists (Rust's `Vec<String>` order). */
export function compareStringLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareStrings(a[i]!, b[i]!)
    if (d !== 0) return d
  }
  return a.length - b.length
}

const NUMERIC = /^[0-9]+$/

function compareIdentifiers(a: string, b: string): number {
  const an = NUMERIC.test(a)
  const bn = NUMERIC.test(b)
  if (an && bn) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x === y ? compareStrings(a, b) : x < y ? -1 : 1
  }
  if (an !== bn) return an ? -1 : 1
  return compareStrings(a, b)
}

function compareDotted(a: string, b: string): number {
  const xs = a.split('.')
  const ys = b.split('.')
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = compareIdentifiers(xs[i]!, ys[i]!)
    if (d !== 0) return d
  }
  return xs.length - ys.length
}

interface SplitVersion {
  readonly core: readonly bigint[]
  readonly pre: string
  readonly build: string
}

function split(version: string): SplitVersion {
  const plus = version.indexOf('+')
  const build = plus >= 0 ? version.slice(plus + 1) : ''
  const main = plus >= 0 ? version.slice(0, plus) : version
  const dash = main.indexOf('-')
  const pre = dash >= 0 ? main.slice(dash + 1) : ''
  const core = (dash >= 0 ? main.slice(0, dash) : main)
    .split('.')
    .map((n) => (NUMERIC.test(n) ? BigInt(n) : 0n))
  return { core, pre, build }
}

/** The `semver` crate's `Ord` for `Version`: precedence, then build metadata (none first). */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0
  const x = split(a)
  const y = split(b)
  for (let i = 0; i < 3; i++) {
    const p = x.core[i] ?? 0n
    const q = y.core[i] ?? 0n
    if (p !== q) return p < q ? -1 : 1
  }
  if (x.pre !== y.pre) {
    if (x.pre === '') return 1
    if (y.pre === '') return -1
    const d = compareDotted(x.pre, y.pre)
    if (d !== 0) return d
  }
  if (x.build !== y.build) {
    if (x.build === '') return -1
    if (y.build === '') return 1
    return compareDotted(x.build, y.build)
  }
  return 0
}

const KIND_RANK: Record<SourceId['kind'], number> = { path: 0, registry: 1, sparse: 2, git: 5 }
const GIT_REF_RANK: Record<GitRef['type'], number> = { tag: 0, branch: 1, rev: 2, default: 3 }

/** The URL a source is compared by (cargo's canonical URL: no trailing slash, no `.git`). */
export function canonicalSourceUrl(id: SourceId): string {
  switch (id.kind) {
    case 'path':
      return pathSourceUrl(id.path)
    case 'registry':
    case 'sparse':
      return id.url.replace(/\/$/, '')
    case 'git': {
      let url = id.url.replace(/\/$/, '').replace(/\.git$/, '')
      if (/^https?:\/\/github\.com\//i.test(url)) url = url.toLowerCase()
      return url
    }
  }
}

export function compareSourceIds(a: SourceId, b: SourceId): number {
  const k = KIND_RANK[a.kind] - KIND_RANK[b.kind]
  if (k !== 0) return k
  if (a.kind === 'git' && b.kind === 'git') {
    const r = GIT_REF_RANK[a.ref.type] - GIT_REF_RANK[b.ref.type]
    if (r !== 0) return r
    if (a.ref.type !== 'default' && b.ref.type !== 'default') {
      const v = compareStrings(a.ref.value, b.ref.value)
      if (v !== 0) return v
    }
  }
  return compareStrings(canonicalSourceUrl(a), canonicalSourceUrl(b))
}

export function comparePackageIds(a: PackageId, b: PackageId): number {
  return (
    compareStrings(a.name, b.name) ||
    compareVersions(a.version, b.version) ||
    compareSourceIds(a.source, b.source)
  )
}
