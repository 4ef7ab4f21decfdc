/**
 * `add-workspace-dependency`: an entry in `[workspace.dependencies]`, written as `cargo add`
 * writes a dependency (a version string, or an inline table in cargo's key order), in sorted
 * place when the table is sorted. Workspace dependencies cannot be optional, as cargo says.
 */
import type { DependencySpec } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { insertDependencyEntry } from './add-dependency'
import { dependencyToToml, mergeDependency } from './dependency-model'
import { buildLayout } from './layout'
import { patchDocument } from './patch-fallback'

const PATH = ['workspace', 'dependencies'] as const

export function addWorkspaceDependency(text: string, key: string, spec: DependencySpec): string {
  if (spec.optional)
    throw new EngineError(
      'invalid-input',
      `${key} is optional, but workspace dependencies cannot be optional.`,
      { hint: 'Mark it optional in the members that need it (`optional = true` beside `workspace = true`).' }
    )
  const layout = buildLayout(text)
  if (!layout.root.children.has('workspace'))
    throw new EngineError(
      'invalid-input',
      'This manifest has no `[workspace]`: it has no workspace dependencies.',
      {
        hint: 'Open the workspace root manifest.'
      }
    )
  const inserted = insertDependencyEntry(layout, PATH, key, spec)
  if (inserted) return inserted.text
  // The table is written inline or with dotted keys: let toml-patch place the entry.
  return patchDocument(text, [{ path: [...PATH, key], raw: dependencyToToml(mergeDependency(key, spec)) }])
}
