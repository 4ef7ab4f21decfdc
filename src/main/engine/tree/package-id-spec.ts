/**
 * Package ID specifications (`-p`, `-i`, `--prune`): `name`, `name@1.2`, or a URL form such as
 * `path+file:///dir#name@0.1.0` or `registry+https://…#serde@1.0.152`, matched against package
 * IDs the way cargo matches them (a missing part matches anything; pre-releases only when asked).
 */
import { EngineError } from '../errors'
import { specSourceUrl } from '../metadata/package-id-string'
import type { PackageId } from '../resolver/resolve/resolve-types'
import type { GitRef, SourceId } from '../sources/source-id'

interface PartialVersion {
  readonly major: string
  readonly minor?: string
  readonly patch?: string
  readonly pre?: string
}

export interface PackageIdSpec {
  /** As the user wrote it (cargo's messages quote it). */
  readonly text: string
  readonly name: string
  readonly version?: PartialVersion
  /** The source URL without kind prefix, query or fragment (for `sparse`, with `sparse+`). */
  readonly url?: string
  readonly kind?: { readonly type: SourceId['kind']; readonly ref?: GitRef }
}

const NAME = /^[\p{XID_Start}_][\p{XID_Continue}-]*$/u
const PARTIAL =
  /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?)?)?$/

function invalid(text: string, why: string): EngineError {
  return new EngineError('invalid-input', `invalid package ID specification: \`${text}\`: ${why}`, {
    hint: 'Use `name`, `name@version`, or a full specification such as `path+file:///dir#name@0.1.0`.'
  })
}

function parseVersion(text: string, spec: string): PartialVersion {
  const m = PARTIAL.exec(text)
  if (!m) throw invalid(spec, `\`${text}\` is not a version`)
  return {
    major: m[1]!,
    ...(m[2] !== undefined ? { minor: m[2] } : {}),
    ...(m[3] !== undefined ? { patch: m[3] } : {}),
    ...(m[4] !== undefined ? { pre: m[4] } : {})
  }
}

function checkName(name: string, spec: string): string {
  if (!NAME.test(name)) throw invalid(spec, `\`${name}\` is not a package name`)
  return name
}

function gitRefOf(query: URLSearchParams): GitRef {
  let ref: GitRef = { type: 'default' }
  for (const [k, v] of query) {
    if (k === 'branch' || k === 'ref') ref = { type: 'branch', value: v }
    else if (k === 'rev') ref = { type: 'rev', value: v }
    else if (k === 'tag') ref = { type: 'tag', value: v }
  }
  return ref
}

function parseUrlSpec(text: string): PackageIdSpec {
  const m = /^([a-z-]+)\+(.*)$/.exec(text)
  const kindName = m?.[1]
  const rest = m ? m[2]! : text
  let url: URL
  try {
    url = new URL(rest)
  } catch {
    throw invalid(text, 'the URL cannot be parsed')
  }
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''))
  const query = url.searchParams
  url.hash = ''
  url.search = ''
  const segments = url.pathname.split('/')
  const last = decodeURIComponent(segments[segments.length - 1] ?? '')
  let name = last
  let version: PartialVersion | undefined
  if (fragment !== '') {
    const at = fragment.search(/[@:]/)
    if (at >= 0) {
      name = fragment.slice(0, at)
      version = parseVersion(fragment.slice(at + 1), text)
    } else if (/^[0-9]/.test(fragment)) version = parseVersion(fragment, text)
    else name = fragment
  }
  const href = url.href.replace(/\/$/, (s) => (url.pathname === '/' ? s : ''))
  const kinds: Record<string, PackageIdSpec['kind']> = {
    path: { type: 'path' },
    registry: { type: 'registry' },
    sparse: { type: 'sparse' },
    git: { type: 'git', ref: gitRefOf(query) }
  }
  const kind = kindName === undefined ? undefined : kinds[kindName]
  if (kindName !== undefined && !kind) throw invalid(text, `unsupported source protocol: ${kindName}`)
  return {
    text,
    name: checkName(name, text),
    ...(version ? { version } : {}),
    url: kindName === 'sparse' ? `sparse+${href}` : href,
    ...(kind ? { kind } : {})
  }
}

export function parsePackageIdSpec(text: string): PackageIdSpec {
  if (text.includes('://')) return parseUrlSpec(text)
  const at = text.indexOf('@')
  if (at < 0) return { text, name: checkName(text, text) }
  return { text, name: checkName(text.slice(0, at), text), version: parseVersion(text.slice(at + 1), text) }
}

function versionMatches(v: PartialVersion, version: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(version)
  if (!m) return false
  if (m[4] !== undefined && v.pre === undefined) return false
  return (
    v.major === m[1] &&
    (v.minor === undefined || v.minor === m[2]) &&
    (v.patch === undefined || v.patch === m[3]) &&
    (v.pre === undefined || v.pre === m[4])
  )
}

export function specMatches(spec: PackageIdSpec, id: PackageId): boolean {
  if (spec.name !== id.name) return false
  if (spec.version && !versionMatches(spec.version, id.version)) return false
  if (spec.url !== undefined && spec.url.replace(/\/$/, '') !== specSourceUrl(id.source).replace(/\/$/, ''))
    return false
  if (spec.kind) {
    if (spec.kind.type !== id.source.kind) return false
    if (spec.kind.ref && id.source.kind === 'git') {
      const a = spec.kind.ref
      const b = id.source.ref
      if (a.type !== b.type || (a.type !== 'default' && b.type !== 'default' && a.value !== b.value))
        return false
    }
  }
  return true
}

/** The one package of `ids` the spec names; an error when it names none or several. */
export function querySpec<T extends { readonly id: PackageId }>(
  spec: PackageIdSpec,
  candidates: readonly T[]
): T {
  const found = candidates.filter((c) => specMatches(spec, c.id))
  if (found.length === 1) return found[0]!
  if (found.length === 0)
    throw new EngineError(
      'invalid-input',
      `package ID specification \`${spec.text}\` did not match any packages`,
      {
        hint: 'Name a package of the dependency graph, for example `serde` or `serde@1.0.152`.'
      }
    )
  const lines = found.map((c) => `  ${c.id.name}@${c.id.version}`)
  throw new EngineError(
    'invalid-input',
    `There are multiple \`${spec.name}\` packages in your project, and the specification \`${spec.text}\` is ambiguous.\nPlease re-run this command with one of the following specifications:\n${lines.join('\n')}`,
    { hint: 'Add the version (`name@1.2.3`) or the source to the specification.' }
  )
}
