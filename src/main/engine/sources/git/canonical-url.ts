/**
 * Git URLs as cargo identifies them. Fetching always uses the URL as written (parsed and
 * re-serialized, as cargo's `Url` does); the canonical form only decides identity, so
 * `https://github.com/Foo/Bar.git/` and `https://github.com/foo/bar` share one cache entry.
 * The rules follow cargo's `CanonicalUrl::new` and `GitSource::ident`.
 */
import { EngineError } from '../../errors'
import { cargoShortHash } from './stable-hash'

/** The schemes git is allowed to use (`GIT_ALLOW_PROTOCOL` in tools/git.ts). */
const ALLOWED_SCHEMES = new Set(['https:', 'ssh:', 'git:', 'file:'])

const SCP_LIKE = /^[^\s/:@]+@[^\s/:]+:/

/** Whether the part after the scheme is an opaque path (`github.com:owner/repo`), not `//host/path`. */
function isOpaque(url: URL): boolean {
  return !url.href.slice(url.protocol.length).startsWith('/')
}

function scpHint(text: string): string {
  const m = /^([^@]+@)?([^:]+):(.*)$/.exec(text)
  return m
    ? `Write it as a URL: \`ssh://${m[1] ?? ''}${m[2] ?? ''}/${m[3] ?? ''}\`.`
    : 'Write it as a URL such as `https://host/owner/repo.git` or `ssh://git@host/owner/repo.git`.'
}

/**
 * Parses a git dependency's URL, refusing what cargo refuses (scp-like `user@host:path`) and
 * what the git wrapper would refuse anyway (schemes outside the allowlist, text git could read
 * as an option).
 */
export function parseGitUrl(text: string): URL {
  if (text.startsWith('-')) {
    throw new EngineError('invalid-input', `Invalid git URL \`${text}\`: it may not start with \`-\`.`)
  }
  // The URL parser would drop tabs and newlines silently: refuse them rather than fetch
  // something other than what was written.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new EngineError(
      'invalid-input',
      `Invalid git URL ${JSON.stringify(text)}: it contains a control character.`,
      {
        hint: 'Write the URL on one line, without tabs or other control characters.'
      }
    )
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new EngineError('invalid-input', `Invalid git URL \`${text}\`.`, {
      hint: SCP_LIKE.test(text)
        ? `Cargo does not accept scp-like addresses. ${scpHint(text)}`
        : 'Use a URL such as `https://host/owner/repo.git`.'
    })
  }
  if (isOpaque(url)) {
    throw new EngineError(
      'invalid-input',
      `Invalid git URL \`${text}\`: cannot-be-a-base URLs are not supported.`,
      { hint: scpHint(text) }
    )
  }
  // ssh would read a host or user that starts with `-` as an option (CVE-2017-1000117).
  if (url.hostname.startsWith('-') || url.username.startsWith('-') || /^%2d/i.test(url.username)) {
    throw new EngineError(
      'invalid-input',
      `Invalid git URL \`${text}\`: its host or user may not start with \`-\`.`
    )
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new EngineError(
      'unsupported',
      `Git over \`${url.protocol.slice(0, -1)}\` is not allowed: ${text}.`,
      {
        hint:
          url.protocol === 'http:'
            ? 'Use the `https://` address of the repository.'
            : 'Use an `https://`, `ssh://`, `git://` or `file://` URL.'
      }
    )
  }
  return url
}

/** The URL string cargo fetches from (its `Url`'s serialization). */
export function fetchUrl(text: string): string {
  return parseGitUrl(text).href
}

/** Cargo's canonical form: no trailing slash, no `.git`, GitHub lower-cased over https. */
export function canonicalGitUrl(text: string): string {
  let url = parseGitUrl(text)
  if (url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1)
  if (url.hostname === 'github.com') {
    url = new URL(`https${url.href.slice(url.protocol.length - 1)}`)
    url.pathname = url.pathname.toLowerCase()
  }
  if (url.pathname.endsWith('.git')) url.pathname = url.pathname.slice(0, -4)
  return url.href
}

/**
 * The cache directory name for a repository, `<last path segment>-<short hash>`, the same name
 * cargo gives it under `git/db` and `git/checkouts`.
 */
export function gitCacheIdent(text: string): string {
  const canonical = canonicalGitUrl(text)
  const last = new URL(canonical).pathname.split('/').pop() ?? ''
  return `${last === '' ? '_empty' : last}-${cargoShortHash(canonical)}`
}
