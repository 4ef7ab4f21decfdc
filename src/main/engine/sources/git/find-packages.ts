/**
 * The packages in a checkout, found as cargo's `RecursivePathSource` finds them: every
 * directory with a Cargo.toml, root first, children in name order, not descending into hidden
 * directories, nested git repositories or a package's `target/`, and following path
 * dependencies from each package found. A manifest that does not load is skipped (cargo does
 * the same in git repositories) and kept as a reason to show if the wanted package is missing.
 * Nothing outside the checkout is read, even through a symlink or a `path = "../.."`.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import { join, normalize, relative, isAbsolute, sep } from 'node:path'
import { isEngineError } from '../../errors'
import type { Manifest } from '../../manifest/model'
import { readManifest } from '../../manifest/read-manifest'

export interface FoundManifest {
  readonly manifest: Manifest
  /** Relative to the checkout, with `/` separators ('' for the root). */
  readonly relDir: string
}

export interface SkippedManifest {
  readonly relDir: string
  readonly reason: string
}

export interface PackagesInTree {
  /** In cargo's discovery order; a name found twice keeps its first package. */
  readonly packages: readonly FoundManifest[]
  readonly skipped: readonly SkippedManifest[]
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function isInside(root: string, path: string): Promise<boolean> {
  try {
    const rel = relative(root, await realpath(path))
    return !rel.startsWith('..') && !isAbsolute(rel)
  } catch {
    return false
  }
}

/** Walks the checkout at `root` (an absolute, real path) for packages. */
export async function findPackages(root: string): Promise<PackagesInTree> {
  const packages: FoundManifest[] = []
  const skipped: SkippedManifest[] = []
  const names = new Set<string>()
  const visited = new Set<string>()
  const relDir = (dir: string): string => relative(root, dir).split(sep).join('/')
  const hasManifest = (dir: string): Promise<boolean> => isFile(join(dir, 'Cargo.toml'))

  const readNested = async (dir: string): Promise<void> => {
    if (visited.has(dir)) return
    visited.add(dir)
    const file = join(dir, 'Cargo.toml')
    if (!(await hasManifest(dir)) || !(await isInside(root, file))) return
    let manifest: Manifest
    try {
      manifest = await readManifest(file)
    } catch (e) {
      if (!isEngineError(e)) throw e
      skipped.push({ relDir: relDir(dir), reason: e.message })
      return
    }
    if (!names.has(manifest.package.name)) {
      names.add(manifest.package.name)
      packages.push({ manifest, relDir: relDir(dir) })
    }
    for (const dep of manifest.dependencies) {
      if (dep.source.type !== 'path') continue
      const target = normalize(join(dir, dep.source.path))
      const rel = relative(root, target)
      if (rel.startsWith('..') || isAbsolute(rel)) continue
      await readNested(target)
    }
  }

  const walk = async (dir: string, isRoot: boolean): Promise<void> => {
    const name = dir.slice(dir.lastIndexOf(sep) + 1)
    if (!isRoot) {
      if (name.startsWith('.')) return
      // A nested repository (a submodule) is a different source.
      try {
        await stat(join(dir, '.git'))
        return
      } catch {
        // not a repository: keep going
      }
    }
    if (name === 'target' && (await hasManifest(join(dir, '..')))) return
    if (await hasManifest(dir)) await readNested(dir)
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name)
    dirs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    for (const child of dirs) await walk(join(dir, child), false)
  }

  await walk(root, true)
  return { packages, skipped }
}
