/** `[package]`: name, version and edition, with cargo's rules. */
import { EDITIONS } from '@shared/models/package'
import { checkPackageName } from '@shared/rules/package-name'
import { checkVersion } from '@shared/rules/semver'
import { asTable, isInherited, type Doc, type ProblemSink } from './problem-sink'

export function checkEdition(sink: ProblemSink, path: readonly (string | number)[], value: unknown): void {
  if (value === undefined || isInherited(value)) return
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string' || !(EDITIONS as readonly string[]).includes(text))
    sink.error(
      path,
      `Unknown edition \`${typeof text === 'string' ? text : JSON.stringify(text)}\`: use one of ${EDITIONS.map((e) => `"${e}"`).join(', ')}.`
    )
}

export function checkPackage(sink: ProblemSink, doc: Doc): void {
  const key = doc.package !== undefined ? 'package' : doc.project !== undefined ? 'project' : undefined
  if (!key) {
    if (doc.workspace === undefined)
      sink.error([], 'This manifest has no `[package]` section: add `[package]` with `name` and `version`.')
    return
  }
  const pkg = asTable(doc[key])
  if (!pkg) return sink.error([key], `\`${key}\` must be a table.`)
  const name = pkg.name
  if (typeof name !== 'string') {
    sink.error([key], 'The `[package]` table has no `name`: add `name = "my-package"`.')
  } else {
    const check = checkPackageName(name)
    if (check.error) sink.error([key, 'name'], check.error)
    else if (check.warning) sink.warning([key, 'name'], check.warning)
  }
  const version = pkg.version
  if (version !== undefined && !isInherited(version)) {
    const bad =
      typeof version === 'string'
        ? checkVersion(version)
        : '`package.version` must be a string such as "0.1.0".'
    if (bad) sink.error([key, 'version'], bad)
  }
  checkEdition(sink, [key, 'edition'], pkg.edition)
}
