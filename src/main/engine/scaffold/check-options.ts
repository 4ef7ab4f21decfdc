/** Field-by-field validation of `new` options, shared by the wizard preview and creation. */
import type { FieldProblem, NewPackageOptions } from '@shared/models/new-package'
import { codePointName, firstControlCharacter } from '@shared/rules/control-characters'
import { checkPackageName } from '@shared/rules/package-name'
import { checkVersion } from '@shared/rules/semver'

/** Lone UTF-16 surrogates cannot be written as UTF-8 TOML. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function checkNewPackageFields(o: NewPackageOptions): FieldProblem[] {
  const problems: FieldProblem[] = []
  const name = checkPackageName(o.name)
  if (name.error) problems.push({ field: 'name', message: name.error, severity: 'error' })
  if (name.warning) problems.push({ field: 'name', message: name.warning, severity: 'warning' })
  const version = checkVersion(o.version)
  if (version) problems.push({ field: 'version', message: version, severity: 'error' })
  o.authors.forEach((a, i) => {
    if (a.trim() === '')
      problems.push({
        field: 'authors',
        message: `Author ${i + 1} is empty; remove the line.`,
        severity: 'error'
      })
  })
  for (const field of ['name', 'license', 'description'] as const) {
    if (LONE_SURROGATE.test(o[field] ?? ''))
      problems.push({ field, message: 'Contains an invalid Unicode character.', severity: 'error' })
  }
  if (o.authors.some((a) => LONE_SURROGATE.test(a)))
    problems.push({ field: 'authors', message: 'Contains an invalid Unicode character.', severity: 'error' })
  problems.push(...controlCharacterProblems(o))
  if (o.license !== undefined && /[\r\n]/.test(o.license))
    problems.push({
      field: 'license',
      message: 'The licence must be a single line (an SPDX expression such as `MIT OR Apache-2.0`).',
      severity: 'error'
    })
  return problems
}

/**
 * The free-text fields (name and version have stricter rules of their own). The IPC schema
 * refuses control characters too, but the CLI reaches here without it. One problem per field,
 * naming the character, since nobody can see it.
 */
function controlCharacterProblems(o: NewPackageOptions): FieldProblem[] {
  const texts: readonly (readonly [FieldProblem['field'], readonly string[]])[] = [
    ['authors', o.authors],
    ['license', o.license === undefined ? [] : [o.license]],
    ['description', o.description === undefined ? [] : [o.description]]
  ]
  return texts.flatMap(([field, values]) => {
    const ch = values.map(firstControlCharacter).find((c) => c !== undefined)
    if (ch === undefined) return []
    return [
      {
        field,
        message: `Contains the control character ${codePointName(ch)}; remove it.`,
        severity: 'error' as const
      }
    ]
  })
}
