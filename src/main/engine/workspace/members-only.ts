/**
 * The workspace without resolving anything, for `metadata --no-deps`: cargo then reads only
 * the members' manifests and never touches Cargo.lock or the network.
 */
import { dirname, join } from 'node:path'
import { loadCargoConfig } from '../config/load-cargo-config'
import { targetDir } from '../config/net-build-config'
import { registrySourceId } from '../config/registries-config'
import { loadPackage } from '../manifest/read-manifest'
import { packageIdKey, type PackageId } from '../resolver/resolve/resolve-types'
import { summaryOfManifest } from '../sources/manifest-summary'
import type { ResolvedWorkspace } from './resolved-workspace'

export async function membersOnlyWorkspace(options: {
  readonly manifestPath: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
}): Promise<ResolvedWorkspace> {
  const pkg = await loadPackage(options.manifestPath)
  const rootDir = dirname(pkg.manifest.path)
  const config = await loadCargoConfig({ cwd: rootDir, env: options.env, homeDir: options.homeDir })
  const id: PackageId = {
    name: pkg.manifest.package.name,
    version: pkg.manifest.package.version,
    source: { kind: 'path', path: rootDir }
  }
  const summary = summaryOfManifest(pkg.manifest, {
    source: id.source,
    registry: (name) => registrySourceId(config, name)
  })
  const key = packageIdKey(id)
  return {
    rootDir,
    members: [key],
    resolve: {
      packages: new Map([[key, { id, summary, deps: [] }]]),
      roots: [key],
      unusedPatches: [],
      warnings: []
    },
    packages: new Map([[key, { id, pkg }]]),
    targetDir: targetDir(config) ?? join(rootDir, 'target')
  }
}
