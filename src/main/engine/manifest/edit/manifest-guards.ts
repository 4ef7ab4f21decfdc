/** Checks cargo makes before it edits dependencies, with its wording. */
import { EngineError } from '../../errors'
import type { DocumentLayout } from './layout'

/** cargo edits dependencies only in a package's manifest, never in a virtual workspace's. */
export function requirePackageManifest(layout: DocumentLayout, action: string): void {
  const root = layout.root.children
  if (root.has('package') || root.has('project')) return
  throw new EngineError(
    'invalid-input',
    root.has('workspace')
      ? `This is a virtual workspace manifest (\`[workspace]\` without \`[package]\`): cannot ${action} it.`
      : `This manifest has no \`[package]\`: cannot ${action} it.`,
    { hint: 'Open the manifest of one of the packages instead.' }
  )
}

/** `cargo add` refuses manifests that still use `dev_dependencies`/`build_dependencies`. */
export function rejectLegacyDependencySections(layout: DocumentLayout): void {
  const legacy: string[] = []
  const root = layout.root.children
  for (const kind of ['dev_dependencies', 'build_dependencies']) {
    if (root.has(kind)) legacy.push(kind)
    const targets = root.get('target')
    if (targets?.kind !== 'table') continue
    for (const [name, platform] of targets.children)
      if (platform.kind === 'table' && platform.children.has(kind)) legacy.push(`target.${name}.${kind}`)
  }
  if (legacy.length)
    throw new EngineError(
      'invalid-input',
      `Deprecated dependency sections are unsupported: ${legacy.join(', ')}`,
      {
        hint: 'Rename them to `dev-dependencies` / `build-dependencies` first.'
      }
    )
}
