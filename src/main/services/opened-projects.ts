/**
 * The projects opened (or created) this session, by real path. The renderer is untrusted, so
 * every privileged action that takes a path from it (build, run, open in editor) must land
 * inside one of them; comparing real paths keeps a symlink from leading anywhere else.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { EngineError } from '../engine/errors'
import { isInside } from '../fs-paths'
import { isOpenableSourceName } from './openable-files'

export class OpenedProjects {
  /** Root folders of the opened projects: the only manifests build and run accept. */
  private readonly roots = new Set<string>()
  /** Every package folder of those projects (path dependencies too): files may be opened inside. */
  private readonly packageDirs = new Set<string>()
  /** Folders whose Cargo.toml did not load: editable, nothing more. */
  private readonly editableOnly = new Set<string>()

  /** Call only once the project has loaded, so a folder that failed to open is never trusted. */
  async add(rootDir: string, packageDirs: readonly string[]): Promise<void> {
    const root = await realpath(rootDir)
    const packages = await Promise.all(packageDirs.map((dir) => realpath(dir)))
    this.roots.add(root)
    for (const dir of [root, ...packages]) this.packageDirs.add(dir)
  }

  /**
   * A package folder whose Cargo.toml failed to load when its project was opened: the manifest
   * may be edited (to fix it) but nothing is built or opened there until the project loads.
   */
  async addBrokenManifest(manifestPath: string): Promise<void> {
    const dir = await realpathOrNull(dirname(resolve(manifestPath)))
    if (dir !== null && basename(manifestPath) === 'Cargo.toml' && (await isFile(join(dir, 'Cargo.toml'))))
      this.editableOnly.add(dir)
  }

  /** The Cargo.toml of an opened project's root, under the real path that was checked. */
  async checkBuildable(manifestPath: string): Promise<string> {
    const dir =
      basename(manifestPath) === 'Cargo.toml' ? await realpathOrNull(dirname(resolve(manifestPath))) : null
    const manifest = dir !== null && this.roots.has(dir) ? join(dir, 'Cargo.toml') : null
    if (manifest === null || !(await isFile(manifest))) {
      throw new EngineError(
        'invalid-input',
        `Refusing to build ${manifestPath}: it is not the Cargo.toml of a project opened in this session.`,
        { hint: 'Open the project first, then build or run it.' }
      )
    }
    return manifest
  }

  /** The Cargo.toml of any package of an opened project (path dependencies too), as its real path. */
  async checkEditable(manifestPath: string): Promise<string> {
    const dir =
      basename(manifestPath) === 'Cargo.toml' ? await realpathOrNull(dirname(resolve(manifestPath))) : null
    const known = dir !== null && (this.packageDirs.has(dir) || this.editableOnly.has(dir))
    const manifest = dir !== null && known ? join(dir, 'Cargo.toml') : null
    if (manifest === null || !(await isFile(manifest))) {
      throw new EngineError(
        'invalid-input',
        `Refusing to edit ${manifestPath}: it is not the Cargo.toml of a package opened in this session.`,
        { hint: 'Open the project first, then edit its manifest.' }
      )
    }
    return manifest
  }

  /** A regular source or text file inside an opened package, as its real path. */
  /** A file or folder of an open project (its folder included), for "reveal in file manager". */
  async checkRevealable(path: string): Promise<string> {
    const real = await realpathOrNull(resolve(path))
    if (real === null || ![...this.packageDirs].some((dir) => isInside(dir, real)))
      throw new EngineError(
        'invalid-input',
        `Refusing to reveal ${basename(path)}: it is not in an open project.`
      )
    return real
  }

  async checkOpenable(path: string): Promise<string> {
    const file = await realpathOrNull(resolve(path))
    const inside = file !== null && [...this.packageDirs].some((dir) => dir !== file && isInside(dir, file))
    if (file === null || !inside || !(await isFile(file))) {
      throw new EngineError(
        'invalid-input',
        `Refusing to open ${basename(path)}: it is not a file of an open project.`
      )
    }
    if (!isOpenableSourceName(basename(file))) {
      throw new EngineError(
        'invalid-input',
        `Refusing to open ${basename(file)}: only source and text files are opened from Crate Studio.`,
        { hint: 'Programs and scripts could run when opened; open them from a terminal instead.' }
      )
    }
    return file
  }
}

async function realpathOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path)
  } catch {
    return null
  }
}

/** A regular file, following symlinks (callers pass real paths, so none are left). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
