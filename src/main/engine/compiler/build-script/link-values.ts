/**
 * The values of the link instructions, read the way cargo and rustc read them:
 * `rustc-flags` (only `-l`/`-L`), `rustc-link-lib`, `rustc-link-search` and `rustc-env`.
 */
import { SEARCH_PATH_KINDS, type KeyValue, type LibraryPath, type LinkLib } from './build-output'

/** `[KIND[:MODIFIERS]=]NAME[:RENAME]`, kept verbatim for `-l` and split for display and checks. */
export function parseLinkLib(value: string): LinkLib {
  const eq = value.indexOf('=')
  const spec = eq < 0 ? undefined : value.slice(0, eq)
  const lib = eq < 0 ? value : value.slice(eq + 1)
  const colon = spec?.indexOf(':') ?? -1
  const kind = spec === undefined ? undefined : colon < 0 ? spec : spec.slice(0, colon)
  const modifiers = spec !== undefined && colon >= 0 ? spec.slice(colon + 1) : undefined
  const renameAt = lib.indexOf(':')
  return {
    value,
    ...(kind !== undefined ? { kind } : {}),
    ...(modifiers !== undefined ? { modifiers } : {}),
    name: renameAt < 0 ? lib : lib.slice(0, renameAt),
    ...(renameAt >= 0 ? { rename: lib.slice(renameAt + 1) } : {})
  }
}

/** `[KIND=]PATH`; only rustc's kinds count as a prefix, so `a=b/lib` stays a path (as in cargo). */
export function parseLinkSearch(value: string, outDir?: string): LibraryPath {
  const eq = value.indexOf('=')
  const prefix = eq < 0 ? undefined : value.slice(0, eq)
  const kind = prefix !== undefined && SEARCH_PATH_KINDS.includes(prefix) ? prefix : undefined
  const path = kind === undefined ? value : value.slice(eq + 1)
  return {
    value,
    ...(kind !== undefined ? { kind } : {}),
    path,
    inOutDir: outDir !== undefined && isWithin(path, outDir)
  }
}

/** Rust's `Path::starts_with`: whole components, so `/out2` is not inside `/out`. */
function isWithin(path: string, dir: string): boolean {
  const base = dir.replace(/\/+$/, '')
  return path === base || path.startsWith(`${base}/`)
}

/** The outcome of `rustc-flags`: libraries and search paths, or cargo's complaint. */
export type RustcFlags =
  | { readonly ok: true; readonly links: readonly string[]; readonly paths: readonly string[] }
  | { readonly ok: false; readonly problem: 'not-link-flag' | 'missing-value' }

/** `-lfoo -L /dir`: flags split on whitespace, each `-l`/`-L` with its value attached or next. */
export function parseRustcFlags(value: string): RustcFlags {
  const words = value
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '')
  const links: string[] = []
  const paths: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const flag = word.slice(0, 2)
    if (flag !== '-l' && flag !== '-L') return { ok: false, problem: 'not-link-flag' }
    let arg = word.slice(2)
    if (arg === '') {
      const next = words[++i]
      if (next === undefined) return { ok: false, problem: 'missing-value' }
      arg = next
    }
    ;(flag === '-l' ? links : paths).push(arg)
  }
  return { ok: true, links, paths }
}

/** `VAR=VALUE` split at the first `=`, or undefined when there is none. */
export function parseRustcEnv(value: string): KeyValue | undefined {
  const eq = value.indexOf('=')
  return eq < 0 ? undefined : { key: value.slice(0, eq), value: value.slice(eq + 1) }
}
