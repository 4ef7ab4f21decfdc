/**
 * The graph of packages a build needs: the root package and, transitively, the packages its
 * path dependencies point at. Dependencies for another platform are dropped here; sources this
 * engine cannot fetch yet are kept as edges without a package, and reported only if a build
 * actually needs them.
 */
import { realpath } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { EngineError } from '../errors'
import { loadPackage } from '../manifest/read-manifest'
import type { Dependency, Package } from '../manifest/model'
import { pathPackageId } from './package-id'

export interface PackageNode {
  /** Cargo's package ID spec, unique in the graph. */
  readonly id: string
  readonly pkg: Package
  readonly isRoot: boolean
  readonly deps: readonly DepEdge[]
}

export interface DepEdge {
  readonly dep: Dependency
  /** Undefined for registry and git sources, which need the resolver. */
  readonly node: PackageNode | undefined
}

export interface PackageGraph {
  readonly root: PackageNode
  readonly nodes: ReadonlyMap<string, PackageNode>
}

/** Decides whether a `[target.KEY.dependencies]` table applies; opening a project keeps them all. */
export type PlatformFilter = (platformKey: string) => boolean

export const ALL_PLATFORMS: PlatformFilter = () => true

export async function loadPackageGraph(
  manifestPath: string,
  includePlatform: PlatformFilter
): Promise<PackageGraph> {
  const nodes = new Map<string, PackageNode>()
  const byManifest = new Map<string, Promise<PackageNode>>()
  const stack: string[] = []

  const load = async (
    file: string,
    isRoot: boolean,
    via?: Dependency & { from: string }
  ): Promise<PackageNode> => {
    let real: string
    try {
      real = await realpath(file)
    } catch {
      if (!via) {
        throw new EngineError('not-found', `There is no Cargo.toml at ${file}.`, {
          file,
          hint: 'Open a folder that contains a Cargo.toml, or create a package with New Package.'
        })
      }
      const dep = via
      throw new EngineError(
        'not-found',
        `Dependency \`${dep.name}\` of \`${dep.from}\` points at ${file}, which does not exist.`,
        {
          file: dep.from,
          ...(dep.line ? { line: dep.line } : {}),
          hint: 'Fix the `path` of the dependency; it is relative to the manifest that declares it.'
        }
      )
    }
    if (stack.includes(real)) {
      const cycle = [...stack.slice(stack.indexOf(real)), real]
      throw new EngineError('manifest-invalid', `Cyclic path dependency: ${cycle.join(' → ')}.`, {
        file: via?.from ?? real,
        ...(via?.line ? { line: via.line } : {}),
        hint: 'Remove one of the dependencies in the cycle.'
      })
    }
    const known = byManifest.get(real)
    if (known) return known
    const pending = (async () => {
      stack.push(real)
      const pkg = await loadPackage(file)
      const edges: DepEdge[] = []
      for (const dep of pkg.manifest.dependencies) {
        if (dep.kind !== 'normal') continue
        if (dep.platform !== undefined && !includePlatform(dep.platform)) continue
        if (dep.source.type !== 'path') {
          edges.push({ dep, node: undefined })
          continue
        }
        const target = join(resolve(pkg.manifest.rootDir, dep.source.path), 'Cargo.toml')
        const node = await load(target, false, { ...dep, from: pkg.manifest.path })
        if (node.pkg.manifest.package.name !== dep.packageName) {
          throw new EngineError(
            'manifest-invalid',
            `No package named \`${dep.packageName}\` at ${dep.source.path}: found \`${node.pkg.manifest.package.name}\`.`,
            {
              file: pkg.manifest.path,
              ...(dep.line ? { line: dep.line } : {}),
              hint: `Rename the dependency, or add \`package = "${node.pkg.manifest.package.name}"\` to it.`
            }
          )
        }
        edges.push({ dep, node })
      }
      stack.pop()
      const m = pkg.manifest
      const node: PackageNode = {
        id: pathPackageId(m.rootDir, m.package.name, m.package.version),
        pkg,
        isRoot,
        deps: edges
      }
      nodes.set(node.id, node)
      return node
    })()
    byManifest.set(real, pending)
    return pending
  }

  const root = await load(manifestPath, true)
  return { root, nodes }
}
