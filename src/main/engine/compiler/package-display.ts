/**
 * Packages named as cargo's status lines name them (`itoa v1.0.1`, `app v0.1.0 (/work/app)`,
 * `x v0.2.0 (file:///repos/x.git#0008d87e)`): crates.io goes without a source, since nearly
 * everything comes from there; any other source is shown so two same-named packages differ.
 */
import type { PackageId } from '../resolver/resolve/resolve-types'
import { CRATES_IO_INDEX, type GitRef, type SourceId } from '../sources/source-id'
import { formUrlEncode } from '../tools/form-urlencoded'

/** crates.io in its git-index or sparse form (also when a `[source]` replacement serves it). */
export function isCratesIo(source: SourceId): boolean {
  const url = source.kind === 'registry' || source.kind === 'sparse' ? source.url.replace(/\/$/, '') : ''
  return url === CRATES_IO_INDEX || (source.kind === 'sparse' && url === 'https://index.crates.io')
}

function refQuery(ref: GitRef): string {
  return ref.type === 'default' ? '' : `?${ref.type}=${formUrlEncode(ref.value)}`
}

/** cargo's `SourceId` display: a folder, a git URL with its short commit, or a registry. */
export function displaySource(source: SourceId): string {
  switch (source.kind) {
    case 'path':
      return source.path
    case 'git':
      return `${source.url}${refQuery(source.ref)}${source.precise ? `#${source.precise.slice(0, 8)}` : ''}`
    case 'registry':
      return `registry \`${source.url}\``
    case 'sparse':
      return `registry \`sparse+${source.url}\``
  }
}

/** `name vVERSION`, plus ` (source)` unless the package comes from crates.io. */
export function displayPackage(id: PackageId): string {
  const base = `${id.name} v${id.version}`
  return isCratesIo(id.source) ? base : `${base} (${displaySource(id.source)})`
}
