/**
 * A virtual manifest: a workspace root with `[workspace]` and no `[package]`. It holds what the
 * whole workspace shares (profiles, patches, replacements) and nothing a package would have.
 */
import type { ManifestWarning } from '@shared/models/package'
import { dirname } from 'node:path'
import type { Manifest } from './model'
import { readPatch, readReplace } from './read-patch'
import { readProfiles } from './read-profiles'
import { TableReader } from './table-reader'
import type { ParsedManifestFile } from './workspace-root'
import { readWorkspaceTable, type WorkspaceDecl } from './workspace-table'

export interface VirtualManifest extends Pick<
  Manifest,
  'path' | 'rootDir' | 'profiles' | 'patch' | 'replace' | 'warnings'
> {
  readonly workspace: WorkspaceDecl
}

/** The root manifest's settings every member shares, whether the root is a package or virtual. */
export type RootSettings = Pick<Manifest, 'path' | 'rootDir' | 'profiles' | 'patch' | 'replace'>

// Sections only a package can have: cargo refuses them in a virtual manifest.
const PACKAGE_ONLY = [
  'lib',
  'bin',
  'example',
  'test',
  'bench',
  'dependencies',
  'dev-dependencies',
  'build-dependencies',
  'target',
  'features',
  'badges'
]
const VIRTUAL_KEYS = new Set(['workspace', 'profile', 'patch', 'replace', 'cargo-features', 'lints'])

export function readVirtualManifest(parsed: ParsedManifestFile): VirtualManifest {
  const warnings: ManifestWarning[] = []
  const root = new TableReader({ file: parsed.file, locator: parsed.locator, warnings }, parsed.doc, [])
  for (const key of PACKAGE_ONLY)
    if (root.has(key))
      throw root.error(
        key,
        `This virtual manifest specifies a \`${key}\` section, which is not allowed.`,
        'A workspace root without `[package]` holds no code of its own: move the section into a member, or add `[package]`.'
      )
  const workspace = readWorkspaceTable(root.subtable('workspace')!)
  const manifest: VirtualManifest = {
    path: parsed.file,
    rootDir: dirname(parsed.file),
    workspace,
    profiles: readProfiles(root),
    patch: readPatch(root),
    replace: readReplace(root),
    warnings
  }
  root.raw('cargo-features')
  root.raw('lints')
  root.warnUnused(VIRTUAL_KEYS)
  return manifest
}
