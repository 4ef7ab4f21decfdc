/**
 * How cargo orders and identifies sources: by kind first (path, registry, sparse, then git, and
 * git by reference: tag, branch, rev, default branch), then by URL. Git sources are the same
 * source whatever the locked commit, and whatever the `.git` suffix, trailing slash or GitHub
 * letter case of their URL (cargo's `CanonicalUrl`).
 */
import type { GitRef, SourceId } from '../sources/source-id'
import { pathSourceUrl } from './lock-source'
import { compareUtf8 } from './toml-string'

const KIND_RANK: Readonly<Record<SourceId['kind'], number>> = { path: 0, registry: 1, sparse: 2, git: 3 }
const REF_RANK: Readonly<Record<GitRef['type'], number>> = { tag: 0, branch: 1, rev: 2, default: 3 }

function refValue(ref: GitRef): string {
  return ref.type === 'default' ? '' : ref.value
}

/** Kind, and for git the reference (cargo's `SourceKind` order). */
export function compareSourceKinds(a: SourceId, b: SourceId): number {
  const d = KIND_RANK[a.kind] - KIND_RANK[b.kind]
  if (d !== 0 || a.kind !== 'git' || b.kind !== 'git') return d
  return REF_RANK[a.ref.type] - REF_RANK[b.ref.type] || compareUtf8(refValue(a.ref), refValue(b.ref))
}

/** cargo's `CanonicalUrl`: no trailing slash or `.git`, and GitHub URLs lower-cased over https. */
export function canonicalGitUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  let path = parsed.pathname.replace(/\/$/, '')
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : ''
  let prefix = `${parsed.protocol}//${auth}${parsed.host}`
  if (parsed.hostname === 'github.com') {
    prefix = `https://${auth}${parsed.host}`
    path = path.toLowerCase()
  }
  if (path.endsWith('.git')) path = path.slice(0, -4)
  return `${prefix}${path}`
}

function urlOf(id: SourceId): string {
  switch (id.kind) {
    case 'path':
      return pathSourceUrl(id.path)
    case 'git':
      return canonicalGitUrl(id.url)
    case 'registry':
    case 'sparse':
      return id.url
  }
}

/** cargo's `SourceId` order (which ignores a git source's locked commit). */
export function compareSources(a: SourceId, b: SourceId): number {
  return compareSourceKinds(a, b) || compareUtf8(urlOf(a), urlOf(b))
}

/** Equal for sources cargo treats as one (a git source whatever its locked commit). */
export function sourceIdentity(id: SourceId): string {
  const ref = id.kind === 'git' ? `${id.ref.type}=${refValue(id.ref)} ` : ''
  return `${id.kind} ${ref}${urlOf(id)}`
}
