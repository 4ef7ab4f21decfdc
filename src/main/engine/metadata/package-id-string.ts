/**
 * Package IDs as `cargo metadata` prints them: cargo's package ID specification
 * (`path+file:///dir#name@0.1.0`, `registry+https://github.com/rust-lang/crates.io-index#serde@1.0.152`,
 * `git+https://host/repo?branch=main#0.1.0`). The name is left out when the URL's last
 * segment already is the name.
 */
import { pathSourceUrl } from '../tools/paths'
import type { PackageId } from '../resolver/resolve/resolve-types'
import { gitRefQuery } from '../resolver/feature-resolver/display-package-id'
import type { SourceId } from '../sources/source-id'

/** The URL a package ID specification names a source by (`sparse+` kept for sparse registries). */
export function specSourceUrl(source: SourceId): string {
  switch (source.kind) {
    case 'path':
      return pathSourceUrl(source.path)
    case 'registry':
    case 'git':
      return source.url
    case 'sparse':
      return `sparse+${source.url}`
  }
}

export function packageIdSpecString(id: PackageId): string {
  const url = specSourceUrl(id.source)
  const protocol = id.source.kind === 'sparse' ? '' : `${id.source.kind}+`
  const withRef = id.source.kind === 'git' ? `${url}${gitRefQuery(id.source.ref)}` : url
  const path = new URL(url.replace(/^sparse\+/, '')).pathname
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
  const version = last === id.name ? `#${id.version}` : `#${id.name}@${id.version}`
  return `${protocol}${withRef}${version}`
}
