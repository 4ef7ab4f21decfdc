/**
 * Every dependency table: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
 * `[target.X.…]` forms, and the 2014 `[dependencies.NAME]` sections (which TOML makes the same
 * thing). Each entry becomes one Dependency with its source made explicit.
 */
import type { DependencyKind, DependencySource, GitReference } from '@shared/models/package'
import type { Dependency } from './model'
import { DEPENDENCY_KEYS } from './known-keys'
import { TableReader, describeType, isTable } from './table-reader'

const KIND_TABLES: readonly (readonly [DependencyKind, string, string])[] = [
  ['normal', 'dependencies', ''],
  ['dev', 'dev-dependencies', 'dev_dependencies'],
  ['build', 'build-dependencies', 'build_dependencies']
]

export function readAllDependencies(root: TableReader): Dependency[] {
  const deps = readKindTables(root, undefined)
  const targets = root.subtable('target')
  if (targets) {
    for (const platform of targets.keys()) {
      const table = targets.subtable(platform)
      if (table) deps.push(...readKindTables(table, platform))
    }
  }
  return deps
}

function readKindTables(parent: TableReader, platform: string | undefined): Dependency[] {
  const deps: Dependency[] = []
  for (const [kind, key, legacy] of KIND_TABLES) {
    if (legacy && parent.has(key) && parent.has(legacy))
      parent.warn(legacy, `\`${legacy}\` is redundant with \`${key}\`.`)
    else if (legacy && parent.has(legacy))
      parent.warn(legacy, `\`${legacy}\` is deprecated in favor of \`${key}\`.`)
    const table = legacy ? parent.subtable(key, legacy) : parent.subtable(key)
    if (!table) continue
    for (const name of table.keys()) deps.push(readDependency(table, name, kind, platform))
  }
  return deps
}

/** One entry of a dependency-like table (`[patch.x]` and `[replace]` entries read the same way). */
export function readDependency(
  table: TableReader,
  name: string,
  kind: DependencyKind,
  platform?: string
): Dependency {
  const raw = table.raw(name)?.value
  const line = table.lineOf(name)
  const base = {
    name,
    kind,
    optional: false,
    defaultFeatures: true,
    features: [],
    line,
    ...(platform ? { platform } : {})
  }
  if (typeof raw === 'string')
    return { ...base, packageName: name, versionReq: raw, source: { type: 'registry' } }
  if (!isTable(raw)) {
    throw table.error(
      name,
      `Dependency \`${name}\` must be a version string or a table, but it is ${describeType(raw)}.`
    )
  }
  const d = new TableReader(table.ctx, raw, [...table.path, name])
  if (d.has('workspace')) {
    throw d.error(
      'workspace',
      `Dependency \`${name}\` is inherited from a workspace (\`workspace = true\`), but no workspace root was read for it.`,
      'Write the dependency out here, or open the package inside its workspace.'
    )
  }
  const source = readSource(d, name)
  if (d.has('default_features') && d.has('default-features'))
    d.warn('default_features', '`default_features` is redundant with `default-features`.')
  const dep: Dependency = {
    ...base,
    packageName: d.string('package') ?? name,
    versionReq: d.string('version'),
    source,
    optional: d.bool('optional') ?? false,
    defaultFeatures: d.bool('default-features', 'default_features') ?? true,
    features: d.stringArray('features') ?? []
  }
  d.warnUnused(DEPENDENCY_KEYS)
  return dep
}

function readSource(d: TableReader, name: string): DependencySource {
  const path = d.string('path')
  const git = d.string('git')
  const refs = (['branch', 'tag', 'rev'] as const).filter((k) => d.has(k))
  if (git !== undefined && path !== undefined) {
    throw d.error('git', `Dependency \`${name}\` is ambiguous: only one of \`git\` or \`path\` is allowed.`)
  }
  if (refs.length > 1) {
    throw d.error(
      refs[1],
      `Dependency \`${name}\` is ambiguous: only one of \`branch\`, \`tag\` or \`rev\` is allowed.`
    )
  }
  if (git !== undefined) {
    const which = refs[0]
    const reference: GitReference | undefined = which
      ? { type: which, value: d.string(which) ?? '' }
      : undefined
    return reference ? { type: 'git', url: git, reference } : { type: 'git', url: git }
  }
  for (const r of refs)
    d.warn(r, `Key \`${r}\` is ignored for dependency \`${name}\`: it only applies to \`git\` dependencies.`)
  if (path !== undefined) return { type: 'path', path }
  if (!d.has('version')) {
    throw d.error(
      undefined,
      `Dependency \`${name}\` has no source: give it a \`version\`, a \`path\` or a \`git\` URL.`,
      `For example \`${name} = { path = "../${name}" }\`.`
    )
  }
  const registry = d.string('registry')
  return registry ? { type: 'registry', registry } : { type: 'registry' }
}
