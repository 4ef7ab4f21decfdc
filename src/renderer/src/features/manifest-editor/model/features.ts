/**
 * `[features]` entries and what the form suggests while one is typed: the other features,
 * `dep:x` for optional dependencies, and `x/` to start enabling a dependency's feature.
 */
import type { TomlTable } from '@shared/models/manifest-edit'
import { isStringArray, isTable } from './key-path'
import { listDependencyTables, readDependency } from './dependencies'

export type FeatureEntryKind = 'feature' | 'dependency' | 'dependency-feature' | 'weak-dependency-feature'

/** What an entry enables: `a` (a feature or an optional dependency), `dep:a`, `a/b`, `a?/b`. */
export function featureEntryKind(entry: string): FeatureEntryKind {
  if (entry.startsWith('dep:')) return 'dependency'
  if (/^[^/?]+\?\//.test(entry)) return 'weak-dependency-feature'
  if (entry.includes('/')) return 'dependency-feature'
  return 'feature'
}

export function readFeatures(doc: TomlTable): readonly (readonly [string, readonly string[] | undefined])[] {
  const features = doc['features']
  if (!isTable(features)) return []
  return Object.entries(features).map(([name, list]) => [name, isStringArray(list) ? list : undefined])
}

interface DependencyNames {
  readonly all: readonly string[]
  readonly optional: readonly string[]
}

/** Dependencies a feature can name: every table but dev-dependencies (cargo forbids those). */
function dependencyNames(doc: TomlTable): DependencyNames {
  const all = new Set<string>()
  const optional = new Set<string>()
  for (const ref of listDependencyTables(doc)) {
    if (!ref.table || ref.table.kind === 'dev') continue
    for (const [name, value] of ref.entries) {
      all.add(name)
      if (readDependency(value).optional) optional.add(name)
    }
  }
  return { all: [...all].sort(), optional: [...optional].sort() }
}

/** Suggestions for a new entry of `feature`, leaving out what it already lists and itself. */
export function featureSuggestions(doc: TomlTable, feature: string): readonly string[] {
  const listed = new Set(readFeatures(doc).find(([name]) => name === feature)?.[1] ?? [])
  const deps = dependencyNames(doc)
  const candidates = [
    ...readFeatures(doc)
      .map(([name]) => name)
      .filter((name) => name !== feature),
    ...deps.optional.map((name) => `dep:${name}`),
    ...deps.all.map((name) => `${name}/`)
  ]
  return candidates.filter((c) => !listed.has(c))
}

/** Feature names are like package names plus `+` and `.`, and cannot start with `dep:`. */
export function checkFeatureName(name: string, existing: readonly string[]): string | undefined {
  if (name === '') return 'Enter a feature name.'
  if (!/^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/.test(name)) return 'Use ASCII letters, digits, `_`, `-`, `+` and `.`.'
  if (existing.includes(name)) return `A feature named \`${name}\` already exists.`
  return undefined
}
