/**
 * Opening, creating and browsing projects. Remembers which project folders were opened this
 * session, so privileged actions that take a path from the renderer (build, run, open in
 * editor) stay inside them.
 */
import { readdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import type { DirectoryListing, RecentProject } from '@shared/models/app'
import type { NewPackageDefaults, NewPackageOptions, NewPackagePreview } from '@shared/models/new-package'
import type { ProjectSnapshot } from '@shared/models/package'
import { EngineError, isEngineError, type ErrorLogger } from '../engine/errors'
import { discoverAuthor } from '../engine/scaffold/author'
import { createNewPackage, planNewPackage } from '../engine/scaffold/new-package'
import { ALL_PLATFORMS, loadPackageGraph } from '../engine/workspace/package-graph'
import { loadWorkspace } from '../engine/workspace/load-workspace'
import { nearestManifest } from '../engine/manifest/nearest-manifest'
import { isFile, OpenedProjects } from './opened-projects'
import { snapshotOf } from './project-snapshot'
import type { RecentProjects } from './recent-projects'
import type { SettingsStore } from './settings-store'

const MAX_LISTED = 1000

export class ProjectService {
  private readonly opened = new OpenedProjects()

  constructor(
    private readonly recent: RecentProjects,
    /** The defaults the wizard proposes (edition, author, licence) come from here. */
    private readonly settings: SettingsStore,
    /** Hears about best-effort failures (the recent list) that must not fail the action itself. */
    private readonly logError: ErrorLogger = () => {}
  ) {}

  /**
   * Accepts a folder or its Cargo.toml: a package, a workspace root (virtual or not), or a
   * member. In a workspace the focus is the opened package, else the first default member.
   */
  async open(path: string): Promise<ProjectSnapshot> {
    const manifest = await manifestToOpen(path)
    const brokenManifest = async (e: unknown): Promise<never> => {
      // A manifest that does not load is what the editor is for: let the person fix it there.
      const file = isEngineError(e) ? e.details.file : undefined
      if (file !== undefined) await this.opened.addBrokenManifest(file)
      throw e
    }
    const ws = await loadWorkspace(manifest).catch(brokenManifest)
    const focus = ws.current ?? ws.defaultMembers[0] ?? ws.members[0]
    if (!focus) await this.opened.addBrokenManifest(ws.root.path)
    if (!focus)
      throw new EngineError('not-found', `The workspace at ${ws.root.rootDir} has no members yet.`, {
        file: ws.root.path,
        hint: 'Add a package to `workspace.members` (New Package inside the folder adds it for you).'
      })
    const graph = await loadPackageGraph(focus.manifest.path, ALL_PLATFORMS).catch(brokenManifest)
    const snapshot = snapshotOf(graph, ws)
    const packageDirs = [...snapshot.packages, ...(snapshot.workspace?.members ?? [])].map((p) => p.rootDir)
    // Each member may be built on its own, and the workspace from its root.
    for (const root of new Set([
      snapshot.root.rootDir,
      ws.root.rootDir,
      ...ws.members.map((m) => m.manifest.rootDir)
    ]))
      await this.opened.add(root, packageDirs)
    const where = snapshot.workspace ? ws.root.rootDir : snapshot.root.rootDir
    try {
      await this.recent.add(where, snapshot.workspace ? basename(where) : snapshot.root.name)
    } catch (e) {
      this.logError('saving the recent projects list', e)
    }
    return snapshot
  }

  listRecent(): Promise<readonly RecentProject[]> {
    return this.recent.list()
  }

  forgetRecent(path: string): Promise<readonly RecentProject[]> {
    return this.recent.remove(path)
  }

  async defaults(): Promise<NewPackageDefaults> {
    const home = homedir()
    const settings = await this.settings.settings()
    // The setting wins; without one, git's user.name and user.email, as `cargo new` does.
    const author = settings.author.trim() || (await discoverAuthor(home))
    return {
      parentDir: home,
      authors: author ? [author] : [],
      edition: settings.edition,
      version: '0.1.0',
      ...(settings.license.trim() ? { license: settings.license.trim() } : {})
    }
  }

  preview(options: NewPackageOptions): Promise<NewPackagePreview> {
    return planNewPackage(options)
  }

  async create(options: NewPackageOptions): Promise<ProjectSnapshot> {
    await createNewPackage(options)
    try {
      return await this.open(options.path)
    } catch (e) {
      // The package exists now: say so, or a retry would fail with "already exists".
      const why = e instanceof Error ? e.message : String(e)
      throw new EngineError(
        isEngineError(e) ? e.code : 'io',
        `The package was created at ${options.path}, but it could not be opened: ${why}`,
        {
          ...(isEngineError(e) ? e.details : {}),
          hint: 'Fix the problem, then open the folder from the start page instead of creating it again.'
        }
      )
    }
  }

  async listDirectory(path: string): Promise<DirectoryListing> {
    const dir = resolve(path)
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (e) {
      throw new EngineError('not-found', `Cannot list ${dir}: ${(e as Error).message}`, {
        hint: 'Choose another folder.'
      })
    }
    const dirs = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_LISTED)
    const listed = await Promise.all(
      dirs.map(async (name) => ({
        name,
        path: join(dir, name),
        hasManifest: await isFile(join(dir, name, 'Cargo.toml'))
      }))
    )
    const parent = dirname(dir)
    return {
      path: dir,
      ...(parent !== dir ? { parent } : {}),
      hasManifest: await isFile(join(dir, 'Cargo.toml')),
      entries: listed
    }
  }

  /** The manifest the renderer may build or run: the Cargo.toml of a project opened this session. */
  checkBuildable(manifestPath: string): Promise<string> {
    return this.opened.checkBuildable(manifestPath)
  }

  /** A file the renderer may ask to open: a source or text file of a project opened this session. */
  checkEditable(manifestPath: string): Promise<string> {
    return this.opened.checkEditable(manifestPath)
  }

  checkOpenable(path: string): Promise<string> {
    return this.opened.checkOpenable(path)
  }

  checkRevealable(path: string): Promise<string> {
    return this.opened.checkRevealable(path)
  }
}

/**
 * What opening `path` means: a Cargo.toml itself, a folder's Cargo.toml, or, for another file
 * (a source file dropped on the window, a rust-toolchain.toml opened from the file manager), the
 * package it belongs to: the nearest Cargo.toml above it.
 */
async function manifestToOpen(path: string): Promise<string> {
  if (basename(path) === 'Cargo.toml') return path
  if (!(await isFile(path))) return join(path, 'Cargo.toml')
  const found = await nearestManifest(dirname(path))
  if (found) return found
  throw new EngineError(
    'not-found',
    `${basename(path)} is not inside a package: no Cargo.toml in its folder or above.`,
    {
      file: path,
      hint: 'Open a package folder or its Cargo.toml.'
    }
  )
}
