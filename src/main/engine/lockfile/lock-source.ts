/**
 * The `source` strings of Cargo.lock, both ways. Format 4 form-urlencodes a git reference value
 * (`?branch=fix%2Fa`); formats 1-3 write it raw (`?branch=fix/a`). Path packages have no source
 * in the lock. Parsing follows cargo's `SourceId::from_url`, including its reading of an older
 * file's unencoded `?branch=a+b` as "a b".
 */
import { fileURLToPath } from 'node:url'
import { pathSourceUrl } from '../tools/paths'
import type { GitRef, SourceId } from '../sources/source-id'
import { formUrlDecodePairs, formUrlEncode } from '../tools/form-urlencoded'
import type { LockVersion } from './lock-version'

function gitQuery(ref: GitRef, encoded: boolean): string {
  if (ref.type === 'default') return ''
  return `?${ref.type}=${encoded ? formUrlEncode(ref.value) : ref.value}`
}

/**
 * A source as the lock writes it (undefined for a path). `precise: false` leaves out a git
 * commit, as dependency entries and `[metadata]` keys do.
 */
export function lockSourceString(id: SourceId, version: LockVersion, precise = true): string | undefined {
  switch (id.kind) {
    case 'path':
      return undefined
    case 'registry':
      return `registry+${id.url}`
    case 'sparse':
      return `sparse+${id.url}`
    case 'git': {
      const commit = precise && id.precise !== undefined ? `#${id.precise}` : ''
      return `git+${id.url}${gitQuery(id.ref, version >= 4)}${commit}`
    }
  }
}

export { pathSourceUrl }

export type ParsedSource =
  { readonly ok: true; readonly id: SourceId } | { readonly ok: false; readonly reason: string }

function checkUrl(url: string): string | undefined {
  if (URL.canParse(url)) return undefined
  return `invalid url \`${url}\`: ${/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) ? 'it is malformed' : 'relative URL without a base'}`
}

function parseGit(rest: string): ParsedSource {
  const hash = rest.indexOf('#')
  const beforeFragment = hash < 0 ? rest : rest.slice(0, hash)
  const fragment = hash < 0 ? undefined : rest.slice(hash + 1)
  const question = beforeFragment.indexOf('?')
  const url = question < 0 ? beforeFragment : beforeFragment.slice(0, question)
  const bad = checkUrl(url)
  if (bad) return { ok: false, reason: bad }
  let ref: GitRef = { type: 'default' }
  for (const [key, value] of formUrlDecodePairs(question < 0 ? '' : beforeFragment.slice(question + 1))) {
    if (key === 'branch' || key === 'ref') ref = { type: 'branch', value }
    else if (key === 'rev') ref = { type: 'rev', value }
    else if (key === 'tag') ref = { type: 'tag', value }
  }
  const id: SourceId = fragment ? { kind: 'git', url, ref, precise: fragment } : { kind: 'git', url, ref }
  return { ok: true, id }
}

/** A lock `source` string → its source, or cargo's reason for refusing it. */
export function parseLockSource(text: string): ParsedSource {
  const plus = text.indexOf('+')
  if (plus < 0) return { ok: false, reason: `invalid source \`${text}\`` }
  const kind = text.slice(0, plus)
  const rest = text.slice(plus + 1)
  switch (kind) {
    case 'git':
      return parseGit(rest)
    case 'registry':
    case 'sparse': {
      const bad = checkUrl(rest)
      return bad ? { ok: false, reason: bad } : { ok: true, id: { kind, url: rest } }
    }
    case 'path': {
      const bad = checkUrl(rest)
      if (bad) return { ok: false, reason: bad }
      try {
        return { ok: true, id: { kind: 'path', path: fileURLToPath(rest) } }
      } catch {
        return { ok: false, reason: `invalid url \`${rest}\`: not a file URL` }
      }
    }
    default:
      return { ok: false, reason: `unsupported source protocol: ${kind}` }
  }
}
