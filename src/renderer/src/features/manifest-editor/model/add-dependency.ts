/**
 * The "Add dependency" form's state and how it becomes a `cargo add`-style edit. Only the
 * checks that are cheap and certain happen here; the engine reports the rest as problems.
 */
import type { DependencySpec, DependencyTable, ManifestEdit } from '@shared/models/manifest-edit'
import type { DependencyKind, GitReferenceKind, SourceKind } from './dependencies'
import { specValue } from './dependencies'

export interface AddDependencyDraft {
  /** `workspace` adds to `[workspace.dependencies]`. */
  readonly kind: DependencyKind | 'workspace'
  readonly target: string
  readonly name: string
  readonly source: SourceKind
  readonly version: string
  readonly registry: string
  readonly gitUrl: string
  readonly referenceType: GitReferenceKind | 'none'
  readonly referenceValue: string
  readonly path: string
  /** Comma or space separated. */
  readonly features: string
  readonly optional: boolean
  readonly defaultFeatures: boolean
  readonly package: string
}

export const EMPTY_DRAFT: AddDependencyDraft = {
  kind: 'normal',
  target: '',
  name: '',
  source: 'registry',
  version: '',
  registry: '',
  gitUrl: '',
  referenceType: 'none',
  referenceValue: '',
  path: '',
  features: '',
  optional: false,
  defaultFeatures: true,
  package: ''
}

export type DraftField = 'name' | 'version' | 'gitUrl' | 'referenceValue' | 'path'

const DEPENDENCY_NAME = /^[A-Za-z0-9_-]+$/

/** What must be fixed before the dependency can be added, by field. */
export function draftErrors(draft: AddDependencyDraft): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {}
  const name = draft.name.trim()
  if (name === '') errors.name = 'Enter the name the code will use.'
  else if (!DEPENDENCY_NAME.test(name)) errors.name = 'Use ASCII letters, digits, `-` and `_`.'
  if (draft.source === 'registry' && draft.version.trim() === '')
    errors.version = 'Enter a version requirement, for example `1.0`.'
  if (draft.source === 'git' && draft.gitUrl.trim() === '') errors.gitUrl = 'Enter the repository URL.'
  if (draft.source === 'git' && draft.referenceType !== 'none' && draft.referenceValue.trim() === '')
    errors.referenceValue = `Enter the ${draft.referenceType}.`
  if (draft.source === 'path' && draft.path.trim() === '')
    errors.path = 'Enter the folder, relative to this Cargo.toml.'
  return errors
}

/** Splits `a, b c` into feature names. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export function draftSpec(draft: AddDependencyDraft): DependencySpec {
  const version = draft.version.trim() || undefined
  const source: DependencySpec['source'] =
    draft.source === 'registry'
      ? {
          type: 'registry',
          version: version ?? '*',
          ...(draft.registry.trim() ? { registry: draft.registry.trim() } : {})
        }
      : draft.source === 'path'
        ? { type: 'path', path: draft.path.trim(), ...(version ? { version } : {}) }
        : {
            type: 'git',
            url: draft.gitUrl.trim(),
            ...(draft.referenceType !== 'none'
              ? { reference: { type: draft.referenceType, value: draft.referenceValue.trim() } }
              : {}),
            ...(version ? { version } : {})
          }
  const features = splitList(draft.features)
  return {
    source,
    ...(features.length > 0 ? { features } : {}),
    ...(draft.defaultFeatures ? {} : { defaultFeatures: false }),
    ...(draft.optional ? { optional: true } : {}),
    ...(draft.package.trim() ? { package: draft.package.trim() } : {})
  }
}

/** The edit that adds the draft: cargo add's op for package tables, a plain set for the workspace's. */
export function draftEdit(draft: AddDependencyDraft): ManifestEdit {
  const name = draft.name.trim()
  const spec = draftSpec(draft)
  if (draft.kind === 'workspace')
    return { op: 'set', path: ['workspace', 'dependencies', name], value: specValue(spec) }
  const target = draft.target.trim()
  const table: DependencyTable = target === '' ? { kind: draft.kind } : { kind: draft.kind, target }
  return { op: 'add-dependency', table, name, spec }
}
