/**
 * Cargo's package-name rules, shared by the wizard (validation as you type) and the engine
 * (which enforces them). Stricter than cargo on purpose where the product asks: ASCII only,
 * and the standard library's names are refused rather than warned about.
 */

/** Strict and reserved keywords, every edition; a crate named after one cannot be referred to. */
// prettier-ignore
const RUST_KEYWORDS = new Set([
  'Self', 'abstract', 'as', 'async', 'await', 'become', 'box', 'break', 'const', 'continue', 'crate',
  'do', 'dyn', 'else', 'enum', 'extern', 'false', 'final', 'fn', 'for', 'gen', 'if', 'impl', 'in',
  'let', 'loop', 'macro', 'match', 'mod', 'move', 'mut', 'override', 'priv', 'pub', 'ref', 'return',
  'self', 'static', 'struct', 'super', 'trait', 'true', 'try', 'type', 'typeof', 'unsafe', 'unsized',
  'use', 'virtual', 'where', 'while', 'yield'
])

const STANDARD_LIBRARY = new Set(['alloc', 'core', 'proc_macro', 'proc-macro', 'std', 'test'])

/** Names that collide with directories cargo creates under `target/<profile>/`. */
const BUILD_DIRECTORY_NAMES = new Set(['build', 'deps', 'examples', 'incremental'])

/** Device names Windows reserves: such a package cannot be checked out there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

export interface NameCheck {
  readonly error?: string
  readonly warning?: string
}

/** Checks a package name the way `cargo new` does, with the reason and a fix in the message. */
export function checkPackageName(name: string): NameCheck {
  if (name.length === 0) return { error: 'The package name cannot be empty.' }
  if (name.length > 64)
    return { error: `The package name is ${name.length} characters long; crates.io allows at most 64.` }
  const bad = [...name].find((ch) => !/[A-Za-z0-9_-]/.test(ch))
  if (bad !== undefined) {
    const shown = bad === ' ' ? 'a space' : `\`${bad}\``
    return {
      error: `Invalid character ${shown} in package name \`${name}\`: use ASCII letters, digits, \`-\` and \`_\`.`
    }
  }
  if (/^[0-9]/.test(name))
    return { error: `Invalid package name \`${name}\`: the name cannot start with a digit.` }
  if (RUST_KEYWORDS.has(name)) return { error: `Invalid package name \`${name}\`: it is a Rust keyword.` }
  if (STANDARD_LIBRARY.has(name))
    return {
      error: `Invalid package name \`${name}\`: it conflicts with Rust's built-in \`${name}\` library.`
    }
  if (BUILD_DIRECTORY_NAMES.has(name))
    return { error: `Invalid package name \`${name}\`: it conflicts with cargo's build directory names.` }
  if (WINDOWS_RESERVED.test(name))
    return { warning: `\`${name}\` is a reserved file name on Windows; the package cannot be used there.` }
  return {}
}

/** The name rustc sees for a crate: hyphens become underscores. */
export function crateNameOf(name: string): string {
  return name.replaceAll('-', '_')
}
