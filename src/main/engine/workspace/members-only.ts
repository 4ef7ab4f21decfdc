/**
 * The workspace without resolving anything, for `metadata --no-deps`: cargo then reads only
 * the members' manifests and never touches Cargo.lock or the network.
 */
import { dirname, join } from 'node:path'
import { loadCargoConfig } from '../config/load-cargo-config'
import { targetDir } from '../config/net-build-config'
import { registrySourceId } from '../config/registries-config'
import type { Package } from '../manifest/model'
import { packageIdKey, type PackageId, type ResolvedPackage } from '../resolver/resolve/resolve-types'
import { summaryOfManifest } from '../sources/manifest-summary'
import { loadWorkspace } from './load-workspace'
import type { ResolvedPackageFiles, ResolvedWorkspace } from './resolved-workspace'

export async function membersOnlyWorkspace(options: {
  readonly manifestPath: string
  /** Where `.cargo/config.toml` files are looked for from (default: the manifest's folder). */
  readonly cwd?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
}): Promise<ResolvedWorkspace> {
  const ws = await loadWorkspace(options.manifestPath)
  const rootDir = ws.root.rootDir
  const config = await loadCargoConfig({
    cwd: options.cwd ?? dirname(options.manifestPath),
    env: options.env,
    homeDir: options.homeDir
  })
  const resolved = new Map<string, ResolvedPackage>()
  const files = new Map<string, ResolvedPackageFiles>()
  const keyOf = (pkg: Package): string => {
    const id: PackageId = {
      name: pkg.manifest.package.name,
      version: pkg.manifest.package.version,
      source: { kind: 'path', path: pkg.manifest.rootDir }
    }
    const summary = summaryOfManifest(pkg.manifest, {
      source: id.source,
      registry: (name) => registrySourceId(config, name)
    })
    const key = packageIdKey(id)
    resolved.set(key, { id, summary, deps: [] })
    files.set(key, { id, pkg })
    return key
  }
  const members = ws.members.map(keyOf)
  return {
    rootDir,
    members,
    defaultMembers: ws.defaultMembers.map(keyOf),
    ...(ws.current ? { current: keyOf(ws.current) } : {}),
    ...(ws.decl?.metadata !== undefined ? { metadata: ws.decl.metadata } : {}),
    resolver: ws.resolver,
    virtual: ws.rootPackage === undefined,
    resolve: { packages: resolved, roots: members, unusedPatches: [], warnings: [] },
    packages: files,
    targetDir: targetDir(config) ?? join(rootDir, 'target')
  }
}
