/**
 * Where a package's file lives in a registry index (`1/a`, `2/ab`, `3/a/abc`, `ab/cd/abcd`), the
 * layout every cargo index shares, git or sparse. Lengths count characters, not bytes, as cargo
 * does, so a non-ASCII name never splits inside a character.
 */
import { EngineError } from '../../errors'

/**
 * The directory part for `name` as written (`ca/rg` for `cargo`): the `{prefix}` of a
 * download URL template. Index file paths use the lowercased name instead.
 */
export function namePrefix(name: string): string {
  const chars = [...name]
  switch (chars.length) {
    case 1:
      return '1'
    case 2:
      return '2'
    case 3:
      return `3/${chars[0]}`
    default:
      return `${chars.slice(0, 2).join('')}/${chars.slice(2, 4).join('')}`
  }
}

/** The index file of `name`, relative to the index root; lowercase, as cargo fetches it. */
export function indexFilePath(name: string): string {
  const lower = name.toLowerCase()
  return `${namePrefix(lower)}/${lower}`
}

/**
 * Refuses names that cannot be a package and could escape the index or the cache when used
 * as a path (`..`, `/`, spaces, control characters). Cargo's own rules (identifier
 * characters and `-`) are what a registry can hold, so nothing real is refused.
 */
export function checkRegistryName(name: string): void {
  if (!/^[\p{XID_Continue}-]+$/u.test(name))
    throw new EngineError('invalid-name', `\`${name}\` cannot be the name of a registry package.`, {
      hint: 'Package names use letters, digits, `-` and `_`.'
    })
}
