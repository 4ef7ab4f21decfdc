/**
 * "Pin to this commit" as manifest edits: every dependency entry of the document that points at
 * a git source gets `rev = "<commit>"` in place of its `branch` or `tag` (or of nothing, for the
 * default branch). The format-preserving editor applies them, so only those keys change.
 * Entries are found in the document itself (every dependency table, the `_` spellings and the
 * `[target.…]` forms included), never rebuilt from the normalized model.
 */
import type { KeyPath, ManifestEdit, TomlJson, TomlTable } from '@shared/models/manifest-edit'
import type { GitRef } from '../sources/source-id'
import { declaredGitKey } from './git-dependencies'

const TABLE_KEYS = [
  'dependencies',
  'dev-dependencies',
  'dev_dependencies',
  'build-dependencies',
  'build_dependencies'
]

function isTable(value: TomlJson | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value)
}

function refOf(entry: TomlTable): GitRef | undefined {
  for (const type of ['branch', 'tag', 'rev'] as const) {
    const value = entry[type]
    if (value === undefined) continue
    return typeof value === 'string' ? { type, value } : undefined
  }
  return { type: 'default' }
}

/** Every dependency table of the document with its key path. */
function dependencyTables(document: TomlTable): { readonly path: KeyPath; readonly table: TomlTable }[] {
  const found: { path: KeyPath; table: TomlTable }[] = []
  const collect = (parent: TomlTable, prefix: KeyPath): void => {
    for (const key of TABLE_KEYS) {
      const table = parent[key]
      if (isTable(table)) found.push({ path: [...prefix, key], table })
    }
  }
  collect(document, [])
  const targets = document.target
  if (isTable(targets)) {
    for (const [platform, table] of Object.entries(targets)) {
      if (isTable(table)) collect(table, ['target', platform])
    }
  }
  return found
}

export interface PinEntry {
  /** The entry's key path (`['dependencies', 'gitdep']`). */
  readonly path: KeyPath
  readonly key: string
  /** The key that names the reference now (none: the default branch). */
  readonly reference?: 'branch' | 'tag' | 'rev'
}

/** The entries that declare the git source `key` (see `declaredGitKey`). */
export function gitEntriesOf(document: TomlTable, key: string): readonly PinEntry[] {
  const entries: PinEntry[] = []
  for (const { path, table } of dependencyTables(document)) {
    for (const [name, entry] of Object.entries(table)) {
      if (!isTable(entry) || typeof entry.git !== 'string') continue
      const ref = refOf(entry)
      if (!ref || declaredGitKey(entry.git, ref) !== key) continue
      entries.push({
        path: [...path, name],
        key: name,
        ...(ref.type !== 'default' ? { reference: ref.type } : {})
      })
    }
  }
  return entries
}

/** `rev = commit` in place of the entry's `branch` or `tag`, for each entry. */
export function pinEdits(entries: readonly PinEntry[], commit: string): ManifestEdit[] {
  return entries.flatMap(({ path, reference }): ManifestEdit[] => [
    ...(reference === 'branch' || reference === 'tag'
      ? [{ op: 'delete', path: [...path, reference] } as const]
      : []),
    { op: 'set', path: [...path, 'rev'], value: commit }
  ])
}
