/**
 * Package IDs and sources the way cargo's `Display` prints them (`serde v1.0.152`,
 * `dep1 v0.2.0 (/abs/dir)`, `x v0.1.0 (https://host/repo?branch=main#0123abcd)`): the text of
 * `cargo tree` lines and of resolver errors.
 */
import { CRATES_IO_INDEX, type GitRef, type SourceId } from '../../sources/source-id'
import type { PackageId } from '../resolve/resolve-types'

/** crates.io, in its git or sparse form: cargo prints no source for it. */
export function isCratesIo(id: SourceId): boolean {
  return (
    (id.kind === 'registry' && id.url.replace(/\/$/, '') === CRATES_IO_INDEX) ||
    (id.kind === 'sparse' && id.url.replace(/\/$/, '') === 'https://index.crates.io')
  )
}

/** `url::form_urlencoded::byte_serialize`: what cargo's `?branch=` query shows. */
function formUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

/** `?branch=…` (cargo's `pretty_ref`, form-encoded), or nothing for the default branch. */
export function gitRefQuery(ref: GitRef): string {
  return ref.type === 'default' ? '' : `?${ref.type}=${formUrlEncode(ref.value)}`
}

/** A source as cargo's `SourceId` Display writes it; `registryName` names a non-crates.io registry. */
export function displaySourceId(
  id: SourceId,
  registryName: (id: SourceId) => string = (s) => urlOf(s)
): string {
  switch (id.kind) {
    case 'path':
      return id.path
    case 'git':
      return `${id.url}${gitRefQuery(id.ref)}${id.precise ? `#${id.precise.slice(0, 8)}` : ''}`
    case 'registry':
    case 'sparse':
      return `registry \`${registryName(id)}\``
  }
}

function urlOf(id: SourceId): string {
  return id.kind === 'sparse' ? `sparse+${id.url}` : id.kind === 'path' ? id.path : id.url
}

/** `name vVERSION`, plus ` (source)` unless the package comes from crates.io. */
export function displayPackageId(id: PackageId, registryName?: (id: SourceId) => string): string {
  const base = `${id.name} v${id.version}`
  return isCratesIo(id.source) ? base : `${base} (${displaySourceId(id.source, registryName)})`
}
