/**
 * What `cargo new` does inside a workspace: the new manifest inherits every `[workspace.package]`
 * field (`key.workspace = true`, in the workspace's order) and `[lints]` when the workspace has
 * lints, and the root's `members` gains the package unless an entry already matches it (kept
 * sorted when it was sorted). Planned as text, so the wizard can show it before anything is written.
 */
import { join, relative, sep } from 'node:path'
import { applyManifestEdits } from '../manifest/edit/manifest-editor'
import { KeyLocator } from '../manifest/locate'
import { readManifestText } from '../manifest/read-manifest'
import { findWorkspaceRoot, type WorkspaceRoot } from '../manifest/workspace-root'
import { memberPatternMatches } from '../workspace/member-pattern'
import { isSorted } from '../manifest/edit/dependency-model'
import { compareStrings } from '../resolver/feature-resolver/package-order'

export interface WorkspaceMembership {
  /** The workspace root manifest the package joins. */
  readonly rootManifest: string
  /** `[workspace.package]` keys the package inherits, in the workspace's order. */
  readonly inherited: readonly string[]
  /** Whether it inherits `[lints]`. */
  readonly lints: boolean
  /** The root manifest as it is and as it will be; undefined when `members` already covers it. */
  readonly rootEdit?: { readonly before: string; readonly after: string }
  /** The package's folder relative to the root, as written into `members`. */
  readonly memberPath: string
}

/** The workspace a package created at `packageDir` joins, and what joining changes; undefined when none. */
export async function workspaceMembership(
  packageDir: string,
  name: string
): Promise<WorkspaceMembership | undefined> {
  const file = join(packageDir, 'Cargo.toml')
  const root = findWorkspaceRoot({ file, doc: { package: { name } }, locator: new KeyLocator('') })
  if (!root) return undefined
  const memberPath = relative(root.rootDir, packageDir).split(sep).join('/')
  return {
    rootManifest: root.file,
    inherited: Object.keys(root.decl.package),
    lints: root.decl.hasLints,
    memberPath,
    ...(await membersEdit(root, memberPath))
  }
}

async function membersEdit(root: WorkspaceRoot, memberPath: string) {
  const members = root.decl.members
  if (members?.some((pattern) => memberPatternMatches(pattern, memberPath))) return {}
  const next = [...(members ?? []), memberPath]
  if (isSorted(members ?? [])) next.sort(compareStrings)
  const text = await readManifestText(root.file)
  const after = applyManifestEdits(text, root.file, [
    { op: 'set', path: ['workspace', 'members'], value: next }
  ]).text
  return { rootEdit: { before: text, after } }
}
