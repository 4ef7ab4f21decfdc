/**
 * The files `new` writes, byte for byte what `cargo new` writes (plus the optional fields the
 * wizard adds: authors, description, license).
 */
import type { NewPackageOptions, PlannedFile } from '@shared/models/new-package'

/** A TOML basic string. JSON's escapes are a subset of TOML's; inputs are checked for lone surrogates. */
export function tomlString(value: string): string {
  return JSON.stringify(value)
}

export function manifestText(o: NewPackageOptions): string {
  const lines = ['[package]', `name = ${tomlString(o.name)}`, `version = ${tomlString(o.version)}`]
  if (o.authors.length > 0) lines.push(`authors = [${o.authors.map(tomlString).join(', ')}]`)
  lines.push(`edition = ${tomlString(o.edition)}`)
  if (o.description) lines.push(`description = ${tomlString(o.description)}`)
  if (o.license) lines.push(`license = ${tomlString(o.license)}`)
  lines.push('', '[dependencies]', '')
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

export function packageFiles(o: NewPackageOptions, withGitignore: boolean): PlannedFile[] {
  const files: PlannedFile[] = [{ path: 'Cargo.toml', contents: manifestText(o) }]
  if (withGitignore) files.push({ path: '.gitignore', contents: GITIGNORE })
  files.push(
    o.kind === 'bin' ? { path: 'src/main.rs', contents: MAIN_RS } : { path: 'src/lib.rs', contents: LIB_RS }
  )
  return files
}
