/**
 * Opening, creating and browsing projects. Remembers which project folders were opened this
 * session, so privileged actions that take a path from the renderer (open in editor) stay
 * inside them.
 */
import { readdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { DirectoryListing, RecentProject } from '@shared/models/app'
import type { NewPackageDefaults, NewPackageOptions, NewPackagePreview } from '@shared/models/new-package'
import type { ProjectSnapshot } from '@shared/models/package'
import { DEFAULT_EDITION } from '@shared/models/package'
import { EngineError } from '../engine/errors'
import { discoverAuthor } from '../engine/scaffold/author'
import { createNewPackage, planNewPackage } from '../engine/scaffold/new-package'
import { ALL_PLATFORMS, loadPackageGraph } from '../engine/workspace/package-graph'
import { snapshotOf } from './project-snapshot'
import type { RecentProjects } from './recent-projects'

const MAX_LISTED = 1000

export class ProjectService {
  private readonly openedRoots = new Set<string>()

  constructor(private readonly recent: RecentProjects) {}

  /** Accepts a folder or its Cargo.toml. */
  async open(path: string): Promise<ProjectSnapshot> {
    const manifest = path.endsWith('Cargo.toml') ? path : join(path, 'Cargo.toml')
    const graph = await loadPackageGraph(manifest, ALL_PLATFORMS)
    const snapshot = snapshotOf(graph)
    this.openedRoots.add(snapshot.root.rootDir)
    for (const p of snapshot.packages) this.openedRoots.add(p.rootDir)
    await this.recent.add(snapshot.root.rootDir, snapshot.root.name)
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
    const author = await discoverAuthor(home)
    return { parentDir: home, authors: author ? [author] : [], edition: DEFAULT_EDITION, version: '0.1.0' }
  }

  preview(options: NewPackageOptions): Promise<NewPackagePreview> {
    return planNewPackage(options)
  }

  async create(options: NewPackageOptions): Promise<ProjectSnapshot> {
    await createNewPackage(options)
    return this.open(options.path)
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

  /** A file the renderer may ask to open: a regular file inside a project opened this session. */
  async checkOpenable(path: string): Promise<string> {
    const file = resolve(path)
    const inside = [...this.openedRoots].some((root) => {
      const rel = relative(root, file)
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
    })
    if (!inside || !(await isFile(file))) {
      throw new EngineError(
        'invalid-input',
        `Refusing to open ${basename(file)}: it is not a file of an open project.`
      )
    }
    return file
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
