/**
 * A workspace's members, found as cargo's `find_members` finds them: the `members` entries
 * (globs expanded, `exclude` honoured), then the root package, then every path dependency of a
 * member that lies inside the root folder (implicit members), depth first. A package outside any
 * workspace is a workspace of one.
 */
import { dirname, join, normalize } from 'node:path'
import { EngineError, isEngineError } from '../errors'
import type { Package } from '../manifest/model'
import { loadPackage } from '../manifest/read-manifest'
import { readVirtualManifest, type RootSettings } from '../manifest/virtual-manifest'
import {
  findWorkspaceRoot,
  isExcluded,
  readManifestFileSync,
  workspaceRootOf,
  type WorkspaceRoot
} from '../manifest/workspace-root'
import type { WorkspaceDecl } from '../manifest/workspace-table'
import { isTable } from '../manifest/table-reader'
import { loadGlob } from '../tools/lazy-modules'
import { compareStringLists } from '../resolver/feature-resolver/package-order'
import { isPattern } from './member-pattern'
import { isInside } from '../tools/paths'
import type { PackageLoader } from './package-loader'

export interface Workspace {
  /** The root manifest's shared settings (profiles, `[patch]`, `[replace]`); a lone package's own. */
  readonly root: RootSettings
  /** `[workspace]`, when there is one. */
  readonly decl?: WorkspaceDecl
  /** The root's own package; undefined for a virtual manifest. */
  readonly rootPackage?: Package
  /** Every member, in cargo's order. */
  readonly members: readonly Package[]
  /** What commands select without `-p`/`--workspace`: `default-members`, all, or the current package. */
  readonly defaultMembers: readonly Package[]
  /** The default members as seen from the root (what `cargo build` there selects), whichever manifest was given. */
  readonly rootDefaultMembers: readonly Package[]
  /** The package of the manifest the command was given (cargo's `current_opt`); none for a virtual root. */
  readonly current?: Package
  /** `"1"`, `"2"` or `"3"`, from the workspace or the root package and its edition. */
  readonly resolver: '1' | '2' | '3'
  /** cargo's warnings about the workspace's shape, without `warning: `. */
  readonly warnings: readonly string[]
}

/** Path order as Rust's `Path` compares: part by part, each by code point (the `glob` crate's order). */
function comparePaths(a: string, b: string): number {
  return compareStringLists(a.split('/'), b.split('/'))
}

/** The `glob` crate knows `*`, `?`, `[…]` and `**` only: anything tinyglobby would read more into is literal. */
function asGlobCrate(pattern: string): string {
  return pattern.replace(/[{}()!+@]/g, (c: string, i: number) =>
    c === '!' && pattern[i - 1] === '[' ? c : `\\${c}`
  )
}

/** The folders a `members` (or `default-members`) list names, in cargo's order. */
async function memberFolders(rootDir: string, entries: readonly string[]): Promise<string[]> {
  const folders: string[] = []
  for (const entry of entries) {
    const literal = normalize(join(rootDir, entry))
    if (!isPattern(entry)) {
      folders.push(literal)
      continue
    }
    const { glob } = await loadGlob()
    const found = await glob(asGlobCrate(entry), {
      cwd: rootDir,
      onlyDirectories: true,
      absolute: true,
      dot: true,
      expandDirectories: false
    })
    // Like cargo, a glob that matches nothing stands for itself (and fails to load below).
    if (found.length === 0) folders.push(literal)
    else folders.push(...found.map((f) => normalize(f).replace(/\/$/, '')).sort(comparePaths))
  }
  return folders
}

function hasPackage(doc: Record<string, unknown>): boolean {
  return isTable(doc.package) || isTable(doc.project)
}

/** The resolver cargo uses: the workspace's, else the root package's, else its edition's default. */
function resolverOf(decl: WorkspaceDecl | undefined, rootPackage: Package | undefined): '1' | '2' | '3' {
  const declared = decl?.resolver ?? rootPackage?.manifest.package.resolver
  if (declared === '1' || declared === '2' || declared === '3') return declared
  const edition = rootPackage?.manifest.package.edition
  return edition === '2024' ? '3' : edition === '2021' ? '2' : '1'
}

export async function loadWorkspace(
  manifestPath: string,
  load: PackageLoader = loadPackage
): Promise<Workspace> {
  const parsed = readManifestFileSync(manifestPath)
  // No file: the loader's error says so, with its hint.
  if (!parsed) return loneWorkspace(await load(manifestPath))
  const root = findWorkspaceRoot(parsed)
  if (!root) return loneWorkspace(await load(manifestPath))
  return new MemberSearch(root, load).run(manifestPath, hasPackage(parsed.doc))
}

function loneWorkspace(pkg: Package): Workspace {
  return {
    root: pkg.manifest,
    rootPackage: pkg,
    members: [pkg],
    defaultMembers: [pkg],
    rootDefaultMembers: [pkg],
    current: pkg,
    resolver: resolverOf(undefined, pkg),
    warnings: []
  }
}

class MemberSearch {
  private readonly members = new Map<string, Package | undefined>()
  private rootIsPackage = false

  constructor(
    private readonly root: WorkspaceRoot,
    private readonly load: PackageLoader
  ) {}

  async run(manifestPath: string, currentIsPackage: boolean): Promise<Workspace> {
    const { root } = this
    const rootParsed = readManifestFileSync(root.file)
    this.rootIsPackage = rootParsed !== undefined && hasPackage(rootParsed.doc)
    const rootPackage = this.rootIsPackage ? await this.load(root.file) : undefined
    const settings = rootPackage?.manifest ?? readVirtualManifest(rootParsed!)

    for (const folder of await memberFolders(root.rootDir, root.decl.members ?? []))
      await this.visit(join(folder, 'Cargo.toml'), false).catch((e: unknown) => {
        throw memberLoadError(e, folder, root.file)
      })
    await this.visit(root.file, false)
    const current = currentIsPackage ? await this.load(manifestPath) : undefined
    if (current && !this.members.has(normalize(manifestPath)))
      throw notAMember(manifestPath, root.file, current)

    const members = [...this.members.values()].filter((p): p is Package => p !== undefined)
    this.validate(members)
    const defaultMembers = await this.defaultMembers(manifestPath, current, members)
    const rootDefaultMembers =
      normalize(manifestPath) === root.file
        ? defaultMembers
        : await this.defaultMembers(root.file, rootPackage, members)
    return {
      root: settings,
      decl: root.decl,
      ...(rootPackage ? { rootPackage } : {}),
      members,
      defaultMembers,
      rootDefaultMembers,
      ...(current ? { current } : {}),
      resolver: resolverOf(root.decl, rootPackage),
      warnings: this.warnings(rootPackage, members)
    }
  }

  /** cargo's `find_path_deps`: a member, then its path dependencies inside the root, depth first. */
  private async visit(file: string, isPathDep: boolean): Promise<void> {
    const path = normalize(file)
    if (this.members.has(path)) return
    // A path dependency outside the root folder joins only if it names this root itself.
    if (isPathDep && !isInside(this.root.rootDir, dirname(path)) && !this.pointsHere(path)) return
    if (isExcluded(this.root, path)) return
    // Holds the place in member order while the package loads; a virtual root has none to load.
    this.members.set(path, undefined)
    if (path === this.root.file && !this.rootIsPackage) return
    const pkg = await this.load(path)
    this.members.set(path, pkg)
    for (const dep of pkg.manifest.dependencies) {
      if (dep.source.type !== 'path') continue
      await this.visit(join(pkg.manifest.rootDir, dep.source.path, 'Cargo.toml'), true)
    }
  }

  private pointsHere(file: string): boolean {
    const parsed = readManifestFileSync(file)
    if (!parsed) return false
    try {
      return findWorkspaceRoot(parsed)?.file === this.root.file
    } catch {
      return false
    }
  }

  /**
   * cargo's `validate_members`: a member must not be a workspace root of its own, must lie below
   * this root (or name it), and no two members may share a name.
   */
  private validate(members: readonly Package[]): void {
    const { root } = this
    const byName = new Map<string, string[]>()
    for (const m of members) {
      const file = m.manifest.path
      byName.set(m.manifest.package.name, [...(byName.get(m.manifest.package.name) ?? []), file])
      if (file === root.file) continue
      const parsed = readManifestFileSync(file)
      if (parsed && workspaceRootOf(parsed))
        throw new EngineError(
          'manifest-invalid',
          `multiple workspace roots found in the same workspace:\n  ${root.rootDir}\n  ${dirname(file)}`,
          {
            file,
            hint: 'Remove `[workspace]` from the member, or take it out of the outer workspace (`exclude`).'
          }
        )
      if (!isInside(root.rootDir, dirname(file)) && !this.pointsHere(file))
        throw new EngineError(
          'manifest-invalid',
          `workspace member \`${file}\` is not hierarchically below the workspace root \`${root.file}\``,
          {
            file: root.file,
            hint: 'Move the package below the root, or give it `package.workspace` pointing at the root.'
          }
        )
    }
    for (const [name, files] of byName)
      if (files.length > 1)
        throw new EngineError(
          'manifest-invalid',
          `two packages named \`${name}\` in this workspace:\n${files.map((f) => `- ${f}`).join('\n')}`,
          { file: files[1]!, hint: 'Rename one of them (`package.name`); names are unique in a workspace.' }
        )
  }

  private async defaultMembers(
    manifestPath: string,
    current: Package | undefined,
    members: readonly Package[]
  ): Promise<readonly Package[]> {
    const { root } = this
    if (normalize(manifestPath) === root.file && root.decl.defaultMembers) {
      const chosen: Package[] = []
      const listed = new Set(await memberFolders(root.rootDir, root.decl.members ?? []))
      for (const folder of await memberFolders(root.rootDir, root.decl.defaultMembers)) {
        const pkg = this.members.get(join(folder, 'Cargo.toml'))
        // A default member that `members` lists but `exclude` removes is skipped, as cargo skips it.
        if (!pkg && listed.has(folder) && isExcluded(root, join(folder, 'Cargo.toml'))) continue
        if (!pkg)
          throw new EngineError(
            'manifest-invalid',
            `package \`${folder}\` is listed in default-members but is not a member for workspace at \`${root.file}\`.`,
            {
              file: root.file,
              ...lineAt(root.decl.lineOf(['default-members'])),
              hint: 'Add it to `workspace.members`, or remove it from `default-members`.'
            }
          )
        chosen.push(pkg)
      }
      return chosen
    }
    return current ? [current] : members
  }

  private warnings(rootPackage: Package | undefined, members: readonly Package[]): string[] {
    const warnings: string[] = []
    const { root } = this
    if (!rootPackage && root.decl.resolver === undefined) {
      const newer = members.find(
        (m) => m.manifest.package.edition !== '2015' && m.manifest.package.edition !== '2018'
      )
      if (newer) {
        const edition = newer.manifest.package.edition
        const implied = edition === '2024' ? '3' : '2'
        warnings.push(
          `virtual workspace defaulting to \`resolver = "1"\` despite one or more workspace members being on edition ${edition} which implies \`resolver = "${implied}"\`\n` +
            `  |\n  = note: to keep the current resolver, specify \`workspace.resolver = "1"\` in the workspace root's manifest\n` +
            `  = note: to use the edition ${edition} resolver, specify \`workspace.resolver = "${implied}"\` in the workspace root's manifest\n` +
            `  = note: for more details see https://doc.rust-lang.org/cargo/reference/resolver.html#resolver-versions`
        )
      }
    }
    for (const member of members) {
      if (member === rootPackage) continue
      const m = member.manifest
      if (m.replace.length > 0 && Object.keys(m.patch).length > 0)
        throw new EngineError('manifest-invalid', 'cannot specify both [replace] and [patch]', {
          file: m.path,
          hint: 'Keep `[patch]` (the newer of the two) and move it to the workspace root.'
        })
      const ignored = [
        Object.keys(m.profiles).length > 0 && 'profiles',
        Object.keys(m.patch).length > 0 && 'patch',
        m.replace.length > 0 && 'replace',
        m.package.resolver !== undefined && 'resolver'
      ].filter((w): w is string => w !== false)
      for (const what of ignored)
        warnings.push(
          `${what} for the non root package will be ignored, specify ${what} at the workspace root:\npackage:   ${m.path}\nworkspace: ${root.file}`
        )
    }
    return warnings
  }
}

function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line }
}

function memberLoadError(e: unknown, folder: string, rootFile: string): unknown {
  if (!isEngineError(e) || e.details.file !== join(folder, 'Cargo.toml') || e.code !== 'not-found') return e
  return new EngineError(
    'not-found',
    `failed to load manifest for workspace member \`${folder}\` referenced by workspace at \`${rootFile}\`: there is no ${join(folder, 'Cargo.toml')}.`,
    {
      file: rootFile,
      hint: 'Create the package there (the wizard can add a member), or remove it from `workspace.members`.'
    }
  )
}

function notAMember(manifestPath: string, rootFile: string, pkg: Package): EngineError {
  return new EngineError(
    'manifest-invalid',
    `current package believes it's in a workspace when it's not:\ncurrent:   ${manifestPath}\nworkspace: ${rootFile}\n\n` +
      `this may be fixable by adding \`${pkg.manifest.package.name}\` to the \`workspace.members\` array of the manifest located at: ${rootFile}\n` +
      `Alternatively, to keep it out of the workspace, add the package to the \`workspace.exclude\` array, or add an empty \`[workspace]\` table to the package's manifest.`,
    { file: manifestPath }
  )
}
