/**
 * Whether cargo would consider a lock file changed, and so rewrite it (or, under `--locked`,
 * refuse). Normally cargo compares its fresh serialization with the file line by line, so CRLF
 * endings and a missing final newline do not count but any other difference in form does. With
 * `--locked`/`--frozen` it first compares what the two files lock (packages, edges, checksums,
 * metadata, unused patches), so a lock that differs only in form is accepted.
 */
import { packageIdKey, type PackageId } from '../resolver/resolve/resolve-types'
import { linkLock, type LinkedLock, type PathSourceFor } from './link-lock'
import { readLockDocument } from './read-lock-document'
import { sourceIdentity } from './source-order'
import { sameLines } from './text-lines'

export interface LockfileChangedOptions {
  /** `--locked` or `--frozen` was given. */
  readonly locked?: boolean
  /** As for parseLockfile; without it every package listed without a source counts as present. */
  readonly pathSource?: PathSourceFor
}

/** Any stable location will do: both files are read with the same one. */
const placeholderPath: PathSourceFor = (name) => ({ kind: 'path', path: `/${name}` })

/** cargo's package-ID equality, which ignores a git source's locked commit. */
function identity(id: PackageId): string {
  return `${id.name} ${id.version} ${sourceIdentity(id.source)}`
}

function byFirst(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}

/** What a lock pins, as one comparable string. */
function content(lock: LinkedLock): string {
  const identities = new Map(lock.packages.map(({ id }) => [packageIdKey(id), identity(id)]))
  const name = (key: string) => identities.get(key) ?? key
  const renamed = <T>(map: ReadonlyMap<string, T>) =>
    [...map].map(([k, v]) => [name(k), v] as const).sort(byFirst)
  return JSON.stringify({
    packages: [...identities.values()].sort(),
    edges: renamed(lock.edges).map(([k, targets]) => [k, targets.map(name).sort()]),
    replacements: renamed(lock.replacements).map(([k, v]) => [k, name(v)]),
    checksums: renamed(lock.checksums).map(([k, v]) => [k, v ?? null]),
    metadata: [...lock.metadata].sort(byFirst),
    unused: lock.unusedPatches.map((p) => identity(p.id))
  })
}

function sameContent(a: string, b: string, pathSource: PathSourceFor): boolean {
  try {
    const read = (text: string) => content(linkLock(readLockDocument(text, 'Cargo.lock'), pathSource))
    return read(a) === read(b)
  } catch {
    // cargo falls back to comparing lines when either file does not read.
    return false
  }
}

/** True when cargo would write `serialized` over `original` (or refuse to, under `--locked`). */
export function lockfileChanged(
  original: string,
  serialized: string,
  options: LockfileChangedOptions = {}
): boolean {
  if (options.locked && sameContent(original, serialized, options.pathSource ?? placeholderPath)) return false
  return !sameLines(original, serialized)
}
