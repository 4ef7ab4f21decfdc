/**
 * Where a package comes from, as cargo identifies it. The string forms are the ones Cargo.lock
 * and `cargo metadata` print (`registry+https://github.com/rust-lang/crates.io-index`,
 * `git+https://host/repo?branch=main#<commit>`, `path+file:///dir`), so they must stay exact.
 *
 * A source replaced through `.cargo/config.toml` (`[source.crates-io] replace-with = …`) keeps
 * its original identity here: cargo locks and reports the replaced source, never the directory
 * that served it.
 */
import { formUrlEncode } from '../tools/form-urlencoded'
import { pathSourceUrl } from '../tools/paths'

export const CRATES_IO_INDEX = 'https://github.com/rust-lang/crates.io-index'
export const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/'

export type GitRef =
  | { readonly type: 'branch'; readonly value: string }
  | { readonly type: 'tag'; readonly value: string }
  | { readonly type: 'rev'; readonly value: string }
  | { readonly type: 'default' }

export type SourceId =
  | { readonly kind: 'path'; readonly path: string }
  /** A git-protocol registry index (crates.io's canonical identity). */
  | { readonly kind: 'registry'; readonly url: string }
  /** A sparse HTTP index; `url` without the `sparse+` prefix, ending in `/`. */
  | { readonly kind: 'sparse'; readonly url: string }
  /** `precise`: the locked commit, once known. */
  | { readonly kind: 'git'; readonly url: string; readonly ref: GitRef; readonly precise?: string }

export const CRATES_IO: SourceId = { kind: 'registry', url: CRATES_IO_INDEX }

function gitQuery(ref: GitRef, encode: (value: string) => string): string {
  return ref.type === 'default' ? '' : `?${ref.type}=${encode(ref.value)}`
}

/**
 * The `source` string `cargo metadata` prints (git references raw: `?branch=fix/a+b`). Cargo.lock
 * v4 and package ID specs form-encode the reference instead: see `encodedSourceIdString`.
 */
export function sourceIdString(id: SourceId): string {
  return sourceText(id, (v) => v)
}

/** The form with git references form-encoded (`?branch=fix%2Fa%2Bb`), as lock v4 and package IDs write it. */
export function encodedSourceIdString(id: SourceId): string {
  return sourceText(id, formUrlEncode)
}

function sourceText(id: SourceId, encode: (value: string) => string): string {
  switch (id.kind) {
    case 'path':
      return `path+${pathSourceUrl(id.path)}`
    case 'registry':
      return `registry+${id.url}`
    case 'sparse':
      return `sparse+${id.url}`
    case 'git':
      return `git+${id.url}${gitQuery(id.ref, encode)}${id.precise ? `#${id.precise}` : ''}`
  }
}

/** Whether two IDs name the same source (a git source regardless of the locked commit). */
export function sameSource(a: SourceId, b: SourceId): boolean {
  const unlock = (s: SourceId): SourceId => (s.kind === 'git' ? { ...s, precise: undefined } : s)
  return encodedSourceIdString(unlock(a)) === encodedSourceIdString(unlock(b))
}

export function isRegistry(id: SourceId): id is Extract<SourceId, { kind: 'registry' | 'sparse' }> {
  return id.kind === 'registry' || id.kind === 'sparse'
}
