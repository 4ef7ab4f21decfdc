/**
 * The files `new` writes, byte for byte what `cargo new` writes (plus the optional fields the
 * wizard adds: authors, description, license).
 */
import type { NewPackageOptions, PlannedFile } from '@shared/models/new-package'

/** The short escapes TOML shares with JSON; cargo writes these too. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r'
}

/**
 * A TOML basic string that always parses. JSON.stringify is not enough: it leaves DEL (U+007F)
 * unescaped, which TOML forbids like the other control characters. A lone surrogate cannot be
 * written as UTF-8 at all, so it becomes U+FFFD, as encoding would make it anyway (the field
 * checks refuse both before a package is written).
 */
export function tomlString(value: string): string {
  let out = '"'
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    const short = SHORT_ESCAPES[ch]
    if (short !== undefined) out += short
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\uFFFD'
    else out += ch
  }
  return `${out}"`
}

/** What a package created inside a workspace takes from it (see workspace-membership.ts). */
export interface Inheritance {
  /** `[workspace.package]` keys, in the workspace's order. */
  readonly keys: readonly string[]
  readonly lints: boolean
}

export function manifestText(
  o: NewPackageOptions,
  inherit: Inheritance = { keys: [], lints: false }
): string {
  const fields: [string, string][] = [['version', tomlString(o.version)]]
  if (o.authors.length > 0) fields.push(['authors', `[${o.authors.map(tomlString).join(', ')}]`])
  fields.push(['edition', tomlString(o.edition)])
  if (o.description) fields.push(['description', tomlString(o.description)])
  if (o.license) fields.push(['license', tomlString(o.license)])
  // As cargo new: a field the workspace defines is inherited instead, listed in the workspace's order.
  const lines = ['[package]', `name = ${tomlString(o.name)}`]
  for (const [key, value] of fields) if (!inherit.keys.includes(key)) lines.push(`${key} = ${value}`)
  for (const key of inherit.keys) lines.push(`${key}.workspace = true`)
  lines.push('', '[dependencies]', '')
  if (inherit.lints) lines.push('[lints]', 'workspace = true', '')
  return lines.join('\n')
}

const MAIN_RS = `fn main() {
    println!("Hello, world!");
}
`

const LIB_RS = `pub fn add(left: u64, right: u64) -> u64 {
    left + right
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_works() {
        let result = add(2, 2);
        assert_eq!(result, 4);
    }
}
`

export const GITIGNORE = '/target\n'

export function packageFiles(
  o: NewPackageOptions,
  withGitignore: boolean,
  inherit?: Inheritance
): PlannedFile[] {
  const files: PlannedFile[] = [{ path: 'Cargo.toml', contents: manifestText(o, inherit) }]
  if (withGitignore) files.push({ path: '.gitignore', contents: GITIGNORE })
  files.push(
    o.kind === 'bin' ? { path: 'src/main.rs', contents: MAIN_RS } : { path: 'src/lib.rs', contents: LIB_RS }
  )
  return files
}
