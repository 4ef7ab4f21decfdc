/**
 * cargo's `update_toml` for an entry that is a table with more than one key: overwrite, add
 * and remove keys one by one, so unknown keys, comments and layout stay. New keys go last.
 */
import { isSorted, type CargoDependency } from './dependency-model'
import { compareStrings } from '../../resolver/feature-resolver/package-order'
import { formatArray, formatString } from './toml-format'

export type KeyChange =
  | { readonly op: 'set'; readonly key: string; readonly text: string }
  | { readonly op: 'remove'; readonly key: string }

export function updateChanges(
  dep: CargoDependency,
  existing: Readonly<Record<string, unknown>>
): KeyChange[] {
  const present = new Set(Object.keys(existing))
  const changes: KeyChange[] = []
  const set = (key: string, text: string) => {
    present.add(key)
    changes.push({ op: 'set', key, text })
  }
  const remove = (...keys: string[]) => {
    for (const key of keys) if (present.delete(key)) changes.push({ op: 'remove', key })
  }
  const setOrRemove = (key: string, value: string | undefined) =>
    value === undefined ? remove(key) : set(key, formatString(value))
  const s = dep.source
  if (s?.type === 'registry') {
    set('version', formatString(s.version))
    remove('path', 'git', 'branch', 'tag', 'rev', 'workspace', 'base')
  } else if (s?.type === 'path') {
    remove('base')
    set('path', formatString(s.path))
    setOrRemove('version', s.version)
    remove('git', 'branch', 'tag', 'rev', 'workspace')
  } else if (s?.type === 'git') {
    set('git', formatString(s.git))
    for (const r of ['branch', 'tag', 'rev'] as const) setOrRemove(r, s[r])
    setOrRemove('version', s.version)
    remove('path', 'workspace', 'base')
  } else if (s?.type === 'workspace') {
    set('workspace', 'true')
    remove(
      'version',
      'registry',
      'registry-index',
      'path',
      'git',
      'branch',
      'tag',
      'rev',
      'package',
      'default-features',
      'base'
    )
  }
  if (present.has('version')) setOrRemove('registry', dep.registry)
  else remove('registry')
  if (dep.rename !== undefined) set('package', formatString(dep.name))
  if (dep.defaultFeatures !== undefined) set('default-features', String(dep.defaultFeatures))
  else remove('default-features')
  if (dep.features) {
    const old =
      Array.isArray(existing.features) && existing.features.every((f) => typeof f === 'string')
        ? existing.features
        : []
    const merged = [...new Set([...old, ...dep.features])]
    if (isSorted([...new Set(old)])) merged.sort(compareStrings)
    set('features', formatArray(merged.map((f) => formatString(f))))
  } else remove('features')
  if (dep.optional !== undefined) set('optional', String(dep.optional))
  else remove('optional')
  if (dep.public !== undefined) set('public', String(dep.public))
  else remove('public')
  return changes
}
