/**
 * A dependency entry as `cargo add` models it (cargo's `toml_mut::Dependency`): how a spec merges
 * with an entry already in the table, the text of a new entry, and the key-by-key changes to an
 * existing one. Key order and which keys are kept or dropped follow cargo, so the bytes match.
 */
import type { DependencySpec } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { compareStrings } from '../../resolver/feature-resolver/package-order'
import { formatArray, formatInlineTable, formatString } from './toml-format'

export type CargoSource =
  | { readonly type: 'registry'; readonly version: string }
  | { readonly type: 'path'; readonly path: string; readonly version?: string }
  | {
      readonly type: 'git'
      readonly git: string
      readonly branch?: string
      readonly tag?: string
      readonly rev?: string
      readonly version?: string
    }
  | { readonly type: 'workspace' }

export interface CargoDependency {
  /** The package's own name. */
  readonly name: string
  /** The key in the table when it differs from the package name. */
  readonly rename?: string
  readonly source?: CargoSource
  readonly registry?: string
  readonly defaultFeatures?: boolean
  readonly features?: readonly string[]
  readonly optional?: boolean
  readonly public?: boolean
}

export function tomlKeyOf(dep: CargoDependency): string {
  return dep.rename ?? dep.name
}

/** Whether keys are in Rust's `str` order, which cargo uses to decide and keep sortedness. */
export function isSorted(keys: readonly string[]): boolean {
  return keys.every((k, i) => i === 0 || compareStrings(keys[i - 1]!, k) <= 0)
}

const bad = (key: string, field: string, actual: unknown, expected: string) =>
  new EngineError(
    'invalid-input',
    `Found ${describe(actual)} for ${field} when ${expected} was expected for ${key}`
  )

function describe(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number' || typeof v === 'bigint') return 'integer'
  if (Array.isArray(v)) return 'array'
  return 'table'
}

function str(table: Readonly<Record<string, unknown>>, key: string, field: string): string | undefined {
  const v = table[field]
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw bad(key, field, v, 'string')
  return v
}

/** Reads an existing entry the way cargo's `Dependency::from_toml` does (and fails where it fails). */
export function dependencyFromToml(key: string, item: unknown): CargoDependency {
  if (typeof item === 'string') return { name: key, source: { type: 'registry', version: item } }
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new EngineError('invalid-input', `Unrecognized dependency entry format for \`${key}\``)
  const t = item as Readonly<Record<string, unknown>>
  const pkg = str(t, key, 'package')
  const version = str(t, key, 'version')
  let source: CargoSource
  if (t.git !== undefined) {
    const ref = (['branch', 'tag', 'rev'] as const).find((r) => t[r] !== undefined)
    source = {
      type: 'git',
      git: str(t, key, 'git')!,
      ...(ref ? { [ref]: str(t, key, ref) } : {}),
      ...(version !== undefined ? { version } : {})
    }
  } else if (t.path !== undefined) {
    source = { type: 'path', path: str(t, key, 'path')!, ...(version !== undefined ? { version } : {}) }
  } else if (version !== undefined) {
    source = { type: 'registry', version }
  } else if (t.workspace !== undefined) {
    if (t.workspace !== true)
      throw new EngineError('invalid-input', `\`${key}.workspace = false\` is unsupported`)
    source = { type: 'workspace' }
  } else {
    throw new EngineError(
      'invalid-input',
      `unrecognized dependency source for \`${key}\`${Object.keys(t).length === 0 ? ', expected a local path, Git repository, version, or workspace dependency to be specified' : ''}`
    )
  }
  if (t.default_features !== undefined)
    throw new EngineError(
      'invalid-input',
      `Use of \`default_features\` in \`${key}\` is unsupported, please switch to \`default-features\``
    )
  let features: string[] | undefined
  if (t.features !== undefined) {
    if (!Array.isArray(t.features)) throw bad(key, 'features', t.features, 'array')
    features = []
    for (const f of t.features as unknown[]) {
      if (typeof f !== 'string') throw bad(key, 'features', f, 'string')
      if (!features.includes(f)) features.push(f)
    }
  }
  const flag = (field: string) => {
    const v = t[field]
    return typeof v === 'boolean' ? v : undefined
  }
  return {
    name: pkg ?? key,
    ...(pkg !== undefined ? { rename: key } : {}),
    source,
    ...(str(t, key, 'registry') !== undefined ? { registry: str(t, key, 'registry') } : {}),
    ...(flag('default-features') !== undefined ? { defaultFeatures: flag('default-features') } : {}),
    ...(features ? { features } : {}),
    ...(flag('optional') !== undefined ? { optional: flag('optional') } : {}),
    ...(flag('public') !== undefined ? { public: flag('public') } : {})
  }
}

function sourceOfSpec(spec: DependencySpec): CargoSource {
  const s = spec.source
  switch (s.type) {
    case 'registry':
      // cargo drops build metadata: it would only earn a warning when building.
      return { type: 'registry', version: s.version.split('+')[0]! }
    case 'path':
      return { type: 'path', path: s.path, ...(s.version ? { version: s.version.split('+')[0]! } : {}) }
    case 'git':
      return {
        type: 'git',
        git: s.url,
        ...(s.reference ? { [s.reference.type]: s.reference.value } : {}),
        ...(s.version ? { version: s.version.split('+')[0]! } : {})
      }
  }
}

/** cargo's `populate_dependency`: the flags of this `add` applied over a dependency. */
function populate(dep: CargoDependency, key: string, spec: DependencySpec): CargoDependency {
  const registry = spec.source.type === 'registry' ? spec.source.registry : undefined
  let out: CargoDependency = { ...dep }
  if (registry !== undefined) out = registry ? { ...out, registry } : omit(out, 'registry')
  if (spec.optional !== undefined) out = spec.optional ? { ...out, optional: true } : omit(out, 'optional')
  if (spec.defaultFeatures !== undefined)
    out = spec.defaultFeatures ? omit(out, 'defaultFeatures') : { ...out, defaultFeatures: false }
  if (spec.features?.length) {
    const merged = [...(out.features ?? [])]
    for (const f of spec.features) if (!merged.includes(f)) merged.push(f)
    out = { ...out, features: merged }
  }
  if (key !== out.name) out = { ...out, rename: key }
  return out
}

function omit<K extends keyof CargoDependency>(dep: CargoDependency, key: K): CargoDependency {
  const copy = { ...dep }
  delete copy[key]
  return copy
}

/**
 * What `cargo add` writes for `key` given this spec and the entry already in the same table:
 * the spec's source replaces the old one, the old entry's other settings stay unless a flag
 * changes them (cargo's `resolve_dependency`).
 */
export function mergeDependency(
  key: string,
  spec: DependencySpec,
  existing?: CargoDependency
): CargoDependency {
  const selected = populate({ name: spec.package ?? key, source: sourceOfSpec(spec) }, key, spec)
  if (!existing) return selected
  if (existing.name !== selected.name) {
    // A different package under the same key: the old settings describe something else.
    return selected.optional === undefined && existing.optional !== undefined
      ? { ...selected, optional: existing.optional }
      : selected
  }
  return populate({ ...existing, source: selected.source }, key, spec)
}

/** The text cargo writes for a new entry (`to_toml`): a bare version when that says it all. */
export function dependencyToToml(dep: CargoDependency): string {
  const s = dep.source
  if (
    !dep.public &&
    !dep.optional &&
    !dep.features &&
    dep.defaultFeatures !== false &&
    s?.type === 'registry' &&
    dep.registry === undefined &&
    dep.rename === undefined
  )
    return formatString(s.version)
  const entries: [string, string][] = []
  const put = (k: string, v: string) => entries.push([k, v])
  if (s?.type === 'registry') put('version', formatString(s.version))
  else if (s?.type === 'path') {
    if (s.version !== undefined) put('version', formatString(s.version))
    put('path', formatString(s.path))
  } else if (s?.type === 'git') {
    put('git', formatString(s.git))
    for (const r of ['branch', 'tag', 'rev'] as const) if (s[r] !== undefined) put(r, formatString(s[r]))
    if (s.version !== undefined) put('version', formatString(s.version))
  } else if (s?.type === 'workspace') put('workspace', 'true')
  if (entries.some(([k]) => k === 'version') && dep.registry !== undefined)
    put('registry', formatString(dep.registry))
  if (dep.rename !== undefined) put('package', formatString(dep.name))
  if (dep.defaultFeatures !== undefined) put('default-features', String(dep.defaultFeatures))
  if (dep.features) put('features', formatArray(dep.features.map((f) => formatString(f))))
  if (dep.optional !== undefined) put('optional', String(dep.optional))
  if (dep.public !== undefined) put('public', String(dep.public))
  return formatInlineTable(entries)
}
