/**
 * Which workspace a manifest belongs to, found as cargo finds it: the manifest itself when it has
 * `[workspace]`, the folder `package.workspace` names, or else the nearest folder above whose
 * Cargo.toml has `[workspace]` and does not exclude it. Ancestors are read synchronously: a few
 * small files, and no project code runs.
 */
import { dirname, join, resolve } from 'node:path'
import { EngineError } from '../errors'
import { isInside } from '../tools/paths'
import { decodeTomlBytes } from './decode'
import { KeyLocator } from './locate'
import { parseToml, type TomlObject } from './parse-toml'
import { readSmallFileSync } from './read-manifest-sync'
import { isTable, TableReader } from './table-reader'
import { readWorkspaceTable, type WorkspaceDecl } from './workspace-table'

export interface WorkspaceRoot {
  /** The root Cargo.toml. */
  readonly file: string
  readonly rootDir: string
  readonly decl: WorkspaceDecl
}

export interface ParsedManifestFile {
  readonly file: string
  readonly doc: TomlObject
  readonly locator: KeyLocator
}

/** Reads `[workspace]` out of a parsed Cargo.toml (warnings about it are the root's to give, not a member's). */
export function workspaceRootOf(parsed: ParsedManifestFile): WorkspaceRoot | undefined {
  if (!isTable(parsed.doc.workspace)) {
    if (parsed.doc.workspace !== undefined)
      throw new TableReader(
        { file: parsed.file, locator: parsed.locator, warnings: [] },
        parsed.doc,
        []
      ).error('workspace', '`workspace` must be a table (`[workspace]`).')
    return undefined
  }
  const reader = new TableReader(
    { file: parsed.file, locator: parsed.locator, warnings: [] },
    parsed.doc.workspace,
    ['workspace']
  )
  return { file: parsed.file, rootDir: dirname(parsed.file), decl: readWorkspaceTable(reader) }
}

/** A Cargo.toml read and parsed, or undefined when there is none. */
export function readManifestFileSync(file: string): ParsedManifestFile | undefined {
  const bytes = readSmallFileSync(file, 'manifest')
  if (bytes === undefined) return undefined
  const { text } = decodeTomlBytes(bytes, file)
  return { file, doc: parseToml(text, file), locator: new KeyLocator(text) }
}

/** cargo's `is_excluded`: under an `exclude` entry and not under an explicit `members` entry. */
export function isExcluded(root: WorkspaceRoot, manifestPath: string): boolean {
  const under = (entries: readonly string[] | undefined) =>
    (entries ?? []).some((entry) => isInside(join(root.rootDir, entry), manifestPath))
  return !under(root.decl.members) && under(root.decl.exclude)
}

/** `package.workspace = "../.."`: the root named outright; it must have `[workspace]`. */
function namedRoot(member: ParsedManifestFile, path: string): WorkspaceRoot {
  const file = resolve(dirname(member.file), path, 'Cargo.toml')
  const parsed = readManifestFileSync(file)
  const root = parsed && workspaceRootOf(parsed)
  if (!root)
    throw new EngineError(
      'manifest-invalid',
      `${member.file} names ${file} as its workspace root (\`package.workspace\`), but ${parsed ? 'it has no `[workspace]` table' : 'there is no such file'}.`,
      {
        file: member.file,
        ...lineOf(member, ['package', 'workspace']),
        hint: 'Point `package.workspace` at the folder whose Cargo.toml has `[workspace]`, or remove it.'
      }
    )
  return root
}

function lineOf(parsed: ParsedManifestFile, path: string[]): { line?: number } {
  const line = parsed.locator.lineOf(path)
  return line === undefined ? {} : { line }
}

/** The workspace `member` belongs to, or undefined when it stands alone. */
export function findWorkspaceRoot(member: ParsedManifestFile): WorkspaceRoot | undefined {
  const own = workspaceRootOf(member)
  if (own) return own
  const pkg = member.doc.package ?? member.doc.project
  const pointer = isTable(pkg) ? pkg.workspace : undefined
  if (typeof pointer === 'string') return namedRoot(member, pointer)
  for (let dir = dirname(dirname(member.file)); ; dir = dirname(dir)) {
    const parsed = readManifestFileSync(join(dir, 'Cargo.toml'))
    if (parsed) {
      const root = workspaceRootOf(parsed)
      if (root && !isExcluded(root, member.file)) return root
      const upper = parsed.doc.package
      // An ancestor that names its root leads there, with no exclusion check (cargo's `get_ws_root`).
      if (!root && isTable(upper) && typeof upper.workspace === 'string')
        return namedRoot(parsed, upper.workspace)
    }
    if (dirname(dir) === dir) return undefined
  }
}
