/**
 * The graph of packages a build needs, with each normal dependency edge leading to its package.
 * Two builders: `packageGraphFromResolve` follows the dependency resolution (path, git and
 * registry packages alike), which is what builds use; `loadPackageGraph` reads only the root and
 * its path dependencies from disk, without resolving (opening a project), keeping other sources
 * as edges without a package. Dependencies for another platform are dropped in both.
 */
import { realpath } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { EngineError } from '../errors'
import { loadPackage } from '../manifest/read-manifest'
import type { Dependency, Package } from '../manifest/model'
import type { PackageId, ResolvedPackage } from '../resolver/resolve/resolve-types'
import { encodedSourceIdString, type SourceId } from '../sources/source-id'
import { pathPackageId } from './package-id'
import type { ResolvedWorkspace } from './resolved-workspace'

export interface PackageNode {
  /** Cargo's package ID spec, unique in the graph. */
  readonly id: string
  readonly pkg: Package
  readonly isRoot: boolean
  readonly deps: readonly DepEdge[]
  /**
   * Where the package comes from, with the exact git commit: path packages are the user's own
   * code (their warnings show), others are compiled as cargo compiles dependencies.
   */
  readonly source: SourceId
}

export interface DepEdge {
  readonly dep: Dependency
  /**
   * Undefined when no package stands behind the edge: an optional dependency the resolve left
   * off, or (in `loadPackageGraph`) a registry or git source, which needs the resolver.
   */
  readonly node: PackageNode | undefined
}

export interface PackageGraph {
  readonly root: PackageNode
  readonly nodes: ReadonlyMap<string, PackageNode>
}

/** Decides whether a `[target.KEY.dependencies]` table applies; opening a project keeps them all. */
export type PlatformFilter = (platformKey: string) => boolean

export const ALL_PLATFORMS: PlatformFilter = () => true

/** A path dependency whose folder has no Cargo.toml, named by the manifest that declares it. */
export function missingPathDependency(dep: Dependency, from: string, file: string): EngineError {
  return new EngineError(
    'not-found',
    `Dependency \`${dep.name}\` of \`${from}\` points at ${file}, which does not exist.`,
    {
      file: from,
      ...(dep.line ? { line: dep.line } : {}),
      hint: 'Fix the `path` of the dependency; it is relative to the manifest that declares it.'
    }
  )
}

export async function loadPackageGraph(
  manifestPath: string,
  includePlatform: PlatformFilter
): Promise<PackageGraph> {
  const nodes = new Map<string, PackageNode>()
  const byManifest = new Map<string, Promise<PackageNode>>()
  const stack: string[] = []
  /** For each package on `stack` once read: how cargo names it, and the dependency that led to it. */
  const frames: { readonly label: string; readonly via?: string }[] = []

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
      throw missingPathDependency(via, via.from, file)
    }
    if (stack.includes(real)) {
      // Named as cargo's resolver names it: the package whose dependency closes the loop.
      const loop = frames.slice(stack.indexOf(real))
      const last = loop.at(-1)!
      const lines = [`package \`${last.label}\``]
      for (let i = loop.length - 1; i > 0; i--)
        lines.push(
          `    ... which satisfies path dependency \`${loop[i]!.via ?? ''}\` of package \`${loop[i - 1]!.label}\``
        )
      lines.push(
        `    ... which satisfies path dependency \`${via?.name ?? ''}\` of package \`${last.label}\``
      )
      throw new EngineError(
        'manifest-invalid',
        `cyclic package dependency: package \`${last.label}\` depends on itself. Cycle:\n${lines.join('\n')}`,
        {
          file: via?.from ?? real,
          ...(via?.line ? { line: via.line } : {}),
          hint: 'Break the cycle: packages may not depend on each other in a loop (only dev-dependencies may point back).'
        }
      )
    }
    const known = byManifest.get(real)
    if (known) return known
    const pending = (async () => {
      stack.push(real)
      const pkg = await loadPackage(file)
      const m0 = pkg.manifest
      frames.push({
        label: `${m0.package.name} v${m0.package.version} (${m0.rootDir})`,
        ...(via ? { via: via.name } : {})
      })
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
      frames.pop()
      const m = pkg.manifest
      const node: PackageNode = {
        id: pathPackageId(m.rootDir, m.package.name, m.package.version),
        pkg,
        isRoot,
        deps: edges,
        source: { kind: 'path', path: m.rootDir }
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

/**
 * cargo's package ID spec (`registry+https://github.com/rust-lang/crates.io-index#itoa@1.0.1`,
 * `git+file:///repos/x.git?branch=main#x@0.2.0`, `path+file:///dir#0.1.0`): the `package_id`
 * of cargo's JSON messages, and unique across sources. A git spec leaves the commit out.
 */
export function packageIdSpec(id: PackageId): string {
  const source = id.source
  if (source.kind === 'path') return pathPackageId(source.path, id.name, id.version)
  const text = encodedSourceIdString(source.kind === 'git' ? { ...source, precise: undefined } : source)
  const path = new URL(source.url).pathname
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
  return `${text}#${last === id.name ? id.version : `${id.name}@${id.version}`}`
}

/** Platform keys compared without whitespace: `cfg(a = "b")` and `cfg(a="b")` are one table. */
function samePlatform(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
}

/** The package the resolve chose for a manifest's normal dependency, by its name and platform. */
function resolvedEdge(pkg: ResolvedPackage, dep: Dependency): string | undefined {
  const named = pkg.deps.filter((e) => e.name === dep.name && e.kinds.some((k) => k.kind === 'normal'))
  const exact = named.find((e) =>
    e.kinds.some((k) => k.kind === 'normal' && samePlatform(k.target, dep.platform))
  )
  return (exact ?? named[0])?.pkg
}

/**
 * The build's graph from a resolved workspace: the current package (else the first default
 * member) is the root, every member is a node, and every normal dependency that applies to the
 * platform leads to the package the resolve chose, wherever it came from. Only packages
 * reachable that way are nodes.
 */
export function packageGraphFromResolve(
  resolved: ResolvedWorkspace,
  includePlatform: PlatformFilter
): PackageGraph {
  const rootKey = resolved.current ?? resolved.defaultMembers[0] ?? resolved.members[0]
  if (rootKey === undefined) throw new EngineError('internal', 'The resolve has no workspace member.')
  const nodes = new Map<string, PackageNode>()
  const byKey = new Map<string, PackageNode>()
  const visiting: string[] = []

  const build = (key: string): PackageNode => {
    const known = byKey.get(key)
    if (known) return known
    const files = resolved.packages.get(key)
    const entry = resolved.resolve.packages.get(key)
    if (!files || !entry) throw new EngineError('internal', `The resolve names ${key} but did not load it.`)
    if (visiting.includes(key)) {
      const cycle = [...visiting.slice(visiting.indexOf(key)), key]
      throw new EngineError('manifest-invalid', `Cyclic dependency: ${cycle.join(' → ')}.`, {
        file: files.pkg.manifest.path,
        hint: 'Remove one of the dependencies in the cycle.'
      })
    }
    visiting.push(key)
    const deps: DepEdge[] = []
    for (const dep of files.pkg.manifest.dependencies) {
      if (dep.kind !== 'normal') continue
      if (dep.platform !== undefined && !includePlatform(dep.platform)) continue
      const target = resolvedEdge(entry, dep)
      deps.push({ dep, node: target === undefined ? undefined : build(target) })
    }
    visiting.pop()
    const node: PackageNode = {
      id: packageIdSpec(files.id),
      pkg: files.pkg,
      isRoot: key === rootKey,
      deps,
      source: files.id.source
    }
    byKey.set(key, node)
    nodes.set(node.id, node)
    return node
  }

  const root = build(rootKey)
  for (const member of resolved.members) build(member)
  return { root, nodes }
}
