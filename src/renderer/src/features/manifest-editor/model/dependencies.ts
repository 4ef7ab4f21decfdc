/**
 * Dependency tables as the forms see them: where each table lives in the document, what one
 * dependency's value means (registry, git or path; features; rename), and the edits that change
 * it. A dependency written as a string (`serde = "1"`) becomes a table the first time a field
 * other than its version is set, as cargo would write it.
 */
import type {
  DependencySpec,
  DependencyTable,
  KeyPath,
  ManifestEdit,
  TomlJson,
  TomlTable
} from '@shared/models/manifest-edit'
import { describePath, isStringArray, isTable, sameValue, valueAt } from './key-path'

export type DependencyKind = DependencyTable['kind']

export interface DependencyTableRef {
  /** What add/remove-dependency take; absent for `[workspace.dependencies]`, edited with set/delete. */
  readonly table: DependencyTable | undefined
  /** The table's path as written (it may use the old `dev_dependencies` spelling). */
  readonly path: KeyPath
  readonly title: string
  readonly entries: readonly (readonly [string, TomlJson])[]
}

const KIND_KEYS: readonly (readonly [DependencyKind, readonly string[]])[] = [
  ['normal', ['dependencies']],
  ['dev', ['dev-dependencies', 'dev_dependencies']],
  ['build', ['build-dependencies', 'build_dependencies']]
]

export const KIND_LABELS: Readonly<Record<DependencyKind, string>> = {
  normal: 'Normal',
  dev: 'Development',
  build: 'Build'
}

/** The path cargo add writes to for a table (today's spelling). */
export function dependencyTablePath(table: DependencyTable): KeyPath {
  const key = table.kind === 'normal' ? 'dependencies' : `${table.kind}-dependencies`
  return table.target === undefined ? [key] : ['target', table.target, key]
}

function tablesIn(
  owner: TomlJson | undefined,
  prefix: KeyPath,
  target: string | undefined
): DependencyTableRef[] {
  const refs: DependencyTableRef[] = []
  for (const [kind, keys] of KIND_KEYS) {
    for (const key of keys) {
      const value = valueAt(owner, [key])
      if (!isTable(value)) continue
      const path = [...prefix, key]
      refs.push({
        table: target === undefined ? { kind } : { kind, target },
        path,
        title: `[${describePath(path)}]`,
        entries: Object.entries(value)
      })
    }
  }
  return refs
}

/** Every dependency table in the document, in the order a reader expects them. */
export function listDependencyTables(doc: TomlTable): readonly DependencyTableRef[] {
  const refs = tablesIn(doc, [], undefined)
  const targets = doc['target']
  if (isTable(targets)) {
    for (const [target, tables] of Object.entries(targets))
      refs.push(...tablesIn(tables, ['target', target], target))
  }
  const shared = valueAt(doc, ['workspace', 'dependencies'])
  if (isTable(shared)) {
    const path = ['workspace', 'dependencies']
    refs.push({ table: undefined, path, title: '[workspace.dependencies]', entries: Object.entries(shared) })
  }
  return refs
}

/** The `target.X` keys in use, offered when adding a platform-specific dependency. */
export function targetKeys(doc: TomlTable): readonly string[] {
  const targets = doc['target']
  return isTable(targets) ? Object.keys(targets) : []
}

export type SourceKind = 'registry' | 'git' | 'path'
export type GitReferenceKind = 'branch' | 'tag' | 'rev'

export interface DependencyFields {
  readonly shape: 'string' | 'table' | 'other'
  readonly source: SourceKind
  readonly version: string | undefined
  readonly registry: string | undefined
  readonly path: string | undefined
  readonly git: string | undefined
  readonly reference: { readonly type: GitReferenceKind; readonly value: string } | undefined
  readonly features: readonly string[]
  readonly optional: boolean | undefined
  readonly defaultFeatures: boolean | undefined
  /** The key that holds default-features (cargo still reads the old underscore spelling). */
  readonly defaultFeaturesKey: string
  readonly package: string | undefined
  /** `workspace = true`: version and source come from `[workspace.dependencies]`. */
  readonly workspace: boolean
}

const str = (v: TomlJson | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
const bool = (v: TomlJson | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined)

export function readDependency(value: TomlJson): DependencyFields {
  const table: TomlTable = isTable(value) ? value : {}
  const reference = (['branch', 'tag', 'rev'] as const)
    .map((type) => ({ type, value: str(table[type]) }))
    .find((r): r is { type: GitReferenceKind; value: string } => r.value !== undefined)
  const defaultFeaturesKey = Object.hasOwn(table, 'default_features')
    ? 'default_features'
    : 'default-features'
  return {
    shape: typeof value === 'string' ? 'string' : isTable(value) ? 'table' : 'other',
    source: table['git'] !== undefined ? 'git' : table['path'] !== undefined ? 'path' : 'registry',
    version: typeof value === 'string' ? value : str(table['version']),
    registry: str(table['registry']),
    path: str(table['path']),
    git: str(table['git']),
    reference,
    features: isStringArray(table['features']) ? table['features'] : [],
    optional: bool(table['optional']),
    defaultFeatures: bool(table[defaultFeaturesKey]),
    defaultFeaturesKey,
    package: str(table['package']),
    workspace: table['workspace'] === true
  }
}

/** One line about a dependency for its collapsed row: `1.0 · crates.io`, `git … (tag v1)`. */
export function describeDependency(fields: DependencyFields): string {
  if (fields.workspace) return 'from the workspace'
  const version = fields.version ? `${fields.version} · ` : ''
  switch (fields.source) {
    case 'git':
      return `${version}git ${fields.git ?? ''}${fields.reference ? ` (${fields.reference.type} ${fields.reference.value})` : ''}`
    case 'path':
      return `${version}path ${fields.path ?? ''}`
    case 'registry':
      return `${fields.version ?? '*'} · ${fields.registry ?? 'crates.io'}`
  }
}

/** Key → new value (undefined removes the key). */
export type DependencyChanges = Readonly<Record<string, TomlJson | undefined>>

/**
 * The edits that apply `changes` to the dependency at `depPath`: set/delete per key for a
 * table; for `name = "1"` the whole value becomes a table (the engine writes it inline).
 */
export function dependencyEdits(
  depPath: KeyPath,
  value: TomlJson,
  changes: DependencyChanges
): readonly ManifestEdit[] {
  if (isTable(value)) {
    const edits: ManifestEdit[] = []
    for (const [key, next] of Object.entries(changes)) {
      if (next === undefined) {
        if (Object.hasOwn(value, key)) edits.push({ op: 'delete', path: [...depPath, key] })
      } else if (!sameValue(value[key], next)) {
        edits.push({ op: 'set', path: [...depPath, key], value: next })
      }
    }
    return edits
  }
  const base: Record<string, TomlJson> = typeof value === 'string' ? { version: value } : {}
  for (const [key, next] of Object.entries(changes)) {
    if (next === undefined) delete base[key]
    else base[key] = next
  }
  const keys = Object.keys(base)
  const version = base['version']
  // Still only a version: it stays the short form.
  const whole: TomlJson = keys.length === 1 && typeof version === 'string' ? version : base
  return sameValue(whole, value) ? [] : [{ op: 'set', path: depPath, value: whole }]
}

const SOURCE_KEYS = ['git', 'branch', 'tag', 'rev', 'path', 'registry'] as const

export type SourceChoice =
  | { readonly type: 'registry'; readonly registry?: string }
  | {
      readonly type: 'git'
      readonly url: string
      readonly reference?: { readonly type: GitReferenceKind; readonly value: string }
    }
  | { readonly type: 'path'; readonly path: string }

/** The key changes that switch a dependency to another source, dropping the old source's keys. */
export function sourceChanges(choice: SourceChoice): DependencyChanges {
  const changes: Record<string, TomlJson | undefined> = Object.fromEntries(
    SOURCE_KEYS.map((k) => [k, undefined])
  )
  switch (choice.type) {
    case 'registry':
      if (choice.registry) changes['registry'] = choice.registry
      break
    case 'git':
      changes['git'] = choice.url
      if (choice.reference && choice.reference.value !== '')
        changes[choice.reference.type] = choice.reference.value
      break
    case 'path':
      changes['path'] = choice.path
      break
  }
  return changes
}

/** A dependency as `cargo add` would write its value (for `[workspace.dependencies]`, set directly). */
export function specValue(spec: DependencySpec): TomlJson {
  const table: Record<string, TomlJson> = {}
  const { source } = spec
  if (source.type === 'registry') {
    table['version'] = source.version
    if (source.registry) table['registry'] = source.registry
  } else if (source.type === 'path') {
    table['path'] = source.path
    if (source.version) table['version'] = source.version
  } else {
    table['git'] = source.url
    if (source.reference) table[source.reference.type] = source.reference.value
    if (source.version) table['version'] = source.version
  }
  if (spec.package) table['package'] = spec.package
  if (spec.features && spec.features.length > 0) table['features'] = spec.features
  if (spec.defaultFeatures === false) table['default-features'] = false
  if (spec.optional) table['optional'] = true
  const version = table['version']
  return Object.keys(table).length === 1 && typeof version === 'string' ? version : table
}
