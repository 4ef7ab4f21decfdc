/** Field-by-field validation of `new` options, shared by the wizard preview and creation. */
import type { FieldProblem, NewPackageOptions } from '@shared/models/new-package'
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
  if (o.license !== undefined && /[\r\n]/.test(o.license))
    problems.push({
      field: 'license',
      message: 'The licence must be a single line (an SPDX expression such as `MIT OR Apache-2.0`).',
      severity: 'error'
    })
  return problems
}
