/**
 * A `members` entry matched against a relative path the way cargo matches it when `cargo new`
 * decides whether a new package is already covered: the `glob` crate's `Pattern::matches` with
 * default options, where `*` also crosses `/`. (picomatch and tinyglobby keep `*` inside one
 * folder, which would make us add members cargo would not.)
 */
/** Whether a `-p`/`--exclude`/`members` value is a glob rather than a plain name or path. */
export function isPattern(text: string): boolean {
  return /[*?[]/.test(text)
}

export function memberPatternMatches(pattern: string, path: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '*') {
      re += '.*'
      while (pattern[i + 1] === '*') i++
    } else if (ch === '?') re += '.'
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close < 0) re += '\\['
      else {
        const body = pattern.slice(i + 1, close)
        re += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`
        i = close
      }
    } else re += ch.replace(/[.+^${}()|\\/]/g, '\\$&')
  }
  return new RegExp(`${re}$`, 'u').test(path)
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&')
}
