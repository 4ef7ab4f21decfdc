/**
 * Identities the resolver compares by: a source regardless of its locked git commit, cargo's
 * activation slot (name, source, semver bucket), and cargo's way of printing a package ID.
 */
import { CRATES_IO_INDEX, sourceIdString, type SourceId } from '../../sources/source-id'
import type { Summary } from '../../sources/summary'
import { packageIdKey, type PackageId } from './resolve-types'
import { compareVersions, compatBucket } from './version-order'

const sourceKeys = new WeakMap<SourceId, string>()

/** A source's identity: git sources compare without their locked commit, as cargo's do. */
export function sourceKey(id: SourceId): string {
  let key = sourceKeys.get(id)
  if (key === undefined) {
    key = sourceIdString(id.kind === 'git' ? { ...id, precise: undefined } : id)
    sourceKeys.set(id, key)
  }
  return key
}

export function summaryId(s: Summary): PackageId {
  return { name: s.name, version: s.version, source: s.source }
}

/** `packageIdKey` of a summary, cached: it is asked for on every candidate check. */
const keys = new WeakMap<Summary, string>()
export function summaryKey(s: Summary): string {
  let key = keys.get(s)
  if (key === undefined) {
    key = packageIdKey(summaryId(s))
    keys.set(s, key)
  }
  return key
}

/** Only one package may occupy a slot: the same name and source, semver-compatible versions. */
export function activationKey(name: string, version: string, source: SourceId): string {
  return `${name}\u0000${compatBucket(version)}\u0000${sourceKey(source)}`
}

const slots = new WeakMap<Summary, string>()

/** A summary's own activation slot (cached). */
export function summarySlot(s: Summary): string {
  let slot = slots.get(s)
  if (slot === undefined) {
    slot = activationKey(s.name, s.version, s.source)
    slots.set(s, slot)
  }
  return slot
}

/** cargo's `PackageId` order (name, version, source): used wherever cargo iterates a BTreeMap. */
export function comparePackageIds(a: PackageId, b: PackageId): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  const v = compareVersions(a.version, b.version)
  if (v !== 0) return v
  const x = sourceKey(a.source)
  const y = sourceKey(b.source)
  return x < y ? -1 : x > y ? 1 : 0
}

export function isCratesIo(id: SourceId): boolean {
  return (
    (id.kind === 'registry' && id.url === CRATES_IO_INDEX) ||
    (id.kind === 'sparse' && id.url === 'https://index.crates.io/')
  )
}

/** cargo's `SourceId` display: a path, a git URL with its reference, or `registry `…``. */
export function displaySource(id: SourceId): string {
  switch (id.kind) {
    case 'path':
      return id.path
    case 'registry':
    case 'sparse':
      return isCratesIo(id) ? 'registry `crates-io`' : `registry \`${id.url}\``
    case 'git': {
      const ref = id.ref.type === 'default' ? '' : `?${id.ref.type}=${id.ref.value}`
      return `${id.url}${ref}${id.precise ? `#${id.precise.slice(0, 7)}` : ''}`
    }
  }
}

/** `serde v1.0.0`, with the source in parentheses unless it is crates.io: cargo's `PackageId` display. */
export function displayPackageId(id: PackageId): string {
  return `${id.name} v${id.version}${isCratesIo(id.source) ? '' : ` (${displaySource(id.source)})`}`
}
