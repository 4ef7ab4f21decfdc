/**
 * A version as Cargo accepts it in `package.version`: strict SemVer 2.0, no leading `v`, no
 * leading zeros. (The `semver` npm package accepts `v1.2.3`, which cargo rejects.)
 */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

export interface ParsedVersion {
  readonly major: string
  readonly minor: string
  readonly patch: string
  readonly pre: string
}

export function parseVersion(text: string): ParsedVersion | undefined {
  const m = SEMVER.exec(text)
  if (!m) return undefined
  return { major: m[1] ?? '', minor: m[2] ?? '', patch: m[3] ?? '', pre: m[4] ?? '' }
}

/** A message that says what is wrong with a version string, or undefined when it is valid. */
export function checkVersion(text: string): string | undefined {
  if (text.trim() === '') return 'The version cannot be empty.'
  if (parseVersion(text)) return undefined
  if (/^v\d/.test(text))
    return `Invalid version \`${text}\`: remove the leading \`v\` (for example \`${text.slice(1)}\`).`
  return `Invalid version \`${text}\`: expected MAJOR.MINOR.PATCH, for example \`0.1.0\`.`
}
