/**
 * The keys of `[replace]`: package ID specifications that must name one exact version
 * (`"foo:0.1.0"`, `"foo@0.1.0"`, `"https://github.com/rust-lang/crates.io-index#foo:0.1.0"`).
 * A spec without a URL means crates.io, as cargo sets it. Matching and display follow cargo's
 * `PackageIdSpec`, because its messages quote the spec (`https://…crates.io-index#foo@0.1.0`).
 */
import { pathSourceUrl } from '../../tools/paths'
import { CRATES_IO_INDEX, type GitRef, type SourceId } from '../../sources/source-id'
import { isCratesIo } from './package-keys'
import type { PackageId } from './resolve-types'

/** A parsed `[replace]` key. */
export interface ReplaceSpec {
  readonly name: string
  /** As written, pre-release and build metadata kept (a full version once `[replace]` accepted it). */
  readonly version: string
  /** The source URL (crates.io's index when the key gave none), without kind, query or fragment. */
  readonly url: string
  /** Set when the URL was written with a kind (`registry+…`, `git+…?branch=x`). */
  readonly kind?: { readonly type: SourceId['kind']; readonly ref?: GitRef }
}

/**
 * A key that parsed. `exact` says whether it names a full version, which `[replace]` needs;
 * when it does not, `spec.version` holds what was written (maybe nothing) for the message.
 */
export type ParsedReplaceSpec =
  | { readonly ok: true; readonly spec: ReplaceSpec; readonly exact: boolean }
  | { readonly ok: false; readonly reason: string }

interface PartialVersion {
  readonly text: string
  readonly full: boolean
}

const NAME = /^[\p{XID_Start}_][\p{XID_Continue}-]*$/u
const PARTIAL =
  /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)?)?$/

function partialVersion(text: string): PartialVersion | undefined {
  const m = PARTIAL.exec(text)
  return m ? { text, full: m[3] !== undefined } : undefined
}

/** `name@version` or `name:version` (cargo splits at the last `@`, else the last `:`). */
function nameAndVersion(text: string): { name: string; version?: PartialVersion } | string {
  const at = text.lastIndexOf('@') >= 0 ? text.lastIndexOf('@') : text.lastIndexOf(':')
  if (at < 0) return { name: text }
  const version = partialVersion(text.slice(at + 1))
  if (!version) return `\`${text.slice(at + 1)}\` is not a version`
  return { name: text.slice(0, at), version }
}

function gitRefOf(query: URLSearchParams): GitRef {
  let ref: GitRef = { type: 'default' }
  for (const [k, v] of query) {
    if (k === 'branch') ref = { type: 'branch', value: v }
    else if (k === 'tag') ref = { type: 'tag', value: v }
    else if (k === 'rev') ref = { type: 'rev', value: v }
  }
  return ref
}

const KINDS: Readonly<Record<string, SourceId['kind']>> = {
  path: 'path',
  registry: 'registry',
  sparse: 'sparse',
  git: 'git'
}

interface Parts {
  readonly name: string
  readonly version?: PartialVersion
  readonly url?: string
  readonly kind?: ReplaceSpec['kind']
}

function urlParts(text: string): Parts | string {
  const prefix = /^([a-z]+)\+(.*)$/.exec(text)
  const kindType = prefix ? KINDS[prefix[1]!] : undefined
  if (prefix && !kindType) return `unsupported source protocol: ${prefix[1]}`
  let url: URL
  try {
    url = new URL(prefix ? prefix[2]! : text)
  } catch {
    return 'the URL cannot be parsed'
  }
  const ref = kindType === 'git' ? gitRefOf(url.searchParams) : undefined
  if (kindType === 'git') url.search = ''
  if (url.search !== '') return `cannot have a query string in a package ID spec: \`${url.href}\``
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''))
  url.hash = ''
  const segments = url.pathname.split('/')
  const last = decodeURIComponent(segments[segments.length - 1] ?? '')
  const base = url.href.replace(/\/$/, (s) => (url.pathname === '/' ? s : ''))
  const kind = kindType ? { type: kindType, ...(ref ? { ref } : {}) } : undefined
  const where = { url: kindType === 'sparse' ? `sparse+${base}` : base, ...(kind ? { kind } : {}) }
  if (fragment === '') return { name: last, ...where }
  const split = nameAndVersion(fragment)
  if (typeof split === 'string') return split
  if (split.version) return { ...split, ...where }
  if (/^\p{Alphabetic}/u.test(fragment)) return { name: fragment, ...where }
  const version = partialVersion(fragment)
  return version ? { name: last, version, ...where } : `\`${fragment}\` is not a version`
}

/** Parses a `[replace]` key (cargo's `PackageIdSpec::parse`, crates.io when no URL is given). */
export function parseReplaceSpec(text: string): ParsedReplaceSpec {
  const parts = text.includes('://') ? urlParts(text) : nameAndVersion(text)
  if (typeof parts === 'string') return { ok: false, reason: parts }
  if (!NAME.test(parts.name)) return { ok: false, reason: `\`${parts.name}\` is not a package name` }
  const url = 'url' in parts && parts.url !== undefined ? parts.url : CRATES_IO_INDEX
  const kind = 'kind' in parts ? parts.kind : undefined
  const spec: ReplaceSpec = {
    name: parts.name,
    version: parts.version?.text ?? '',
    url,
    ...(kind ? { kind } : {})
  }
  return { ok: true, spec, exact: parts.version?.full === true }
}

function sourceUrl(source: SourceId): string {
  switch (source.kind) {
    case 'path':
      return pathSourceUrl(source.path)
    case 'sparse':
      return `sparse+${source.url}`
    case 'registry':
    case 'git':
      return source.url
  }
}

function sameGitRef(a: GitRef, b: GitRef): boolean {
  return a.type === b.type && (a.type === 'default' || a.value === (b as { value: string }).value)
}

interface SplitVersion {
  readonly core: string
  readonly pre?: string
  readonly build?: string
}

function split(version: string): SplitVersion {
  const m = /^([^-+]*)(?:-([^+]*))?(?:\+(.*))?$/.exec(version)!
  return {
    core: m[1]!,
    ...(m[2] !== undefined ? { pre: m[2] } : {}),
    ...(m[3] !== undefined ? { build: m[3] } : {})
  }
}

/** cargo's `PackageIdSpec::matches` for a spec with a full version. */
export function replaceSpecMatches(spec: ReplaceSpec, id: PackageId): boolean {
  if (spec.name !== id.name) return false
  const want = split(spec.version)
  const have = split(id.version)
  if (want.core !== have.core || want.pre !== have.pre) return false
  if (want.build !== undefined && want.build !== have.build) return false
  const trim = (u: string) => u.replace(/\/$/, '')
  const cratesIo = trim(spec.url) === CRATES_IO_INDEX && spec.kind === undefined && isCratesIo(id.source)
  if (!cratesIo && trim(spec.url) !== trim(sourceUrl(id.source))) return false
  if (spec.kind) {
    if (spec.kind.type !== id.source.kind) return false
    if (spec.kind.ref && id.source.kind === 'git' && !sameGitRef(spec.kind.ref, id.source.ref)) return false
  }
  return true
}

/** `url::form_urlencoded` as cargo's `pretty_ref(true)` writes a git reference. */
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

/** cargo's `PackageIdSpec` display: `https://github.com/rust-lang/crates.io-index#foo@0.1.0`. */
export function displayReplaceSpec(spec: ReplaceSpec): string {
  const protocol = spec.kind && spec.kind.type !== 'sparse' ? `${spec.kind.type}+` : ''
  const ref = spec.kind?.ref
  const query = ref && ref.type !== 'default' ? `?${ref.type}=${formEncode(ref.value)}` : ''
  const path = new URL(spec.url.replace(/^sparse\+/, '')).pathname
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
  const name = last === spec.name ? '' : `#${spec.name}`
  const version = spec.version === '' ? '' : `${name === '' ? '#' : '@'}${spec.version}`
  return `${protocol}${spec.url}${query}${name}${version}`
}
