/**
 * The path packages reachable from the root through path dependencies (of any kind), by
 * `name@version`: Cargo.lock lists them without a source, so reading it needs to know where
 * each one is.
 */
import { join, resolve } from 'node:path'
import type { Package } from '../manifest/model'
import { existsSync } from 'node:fs'
import { isEngineError } from '../errors'
import { loadPackage } from '../manifest/read-manifest'
import { missingPathDependency } from './package-graph'

export async function collectPathPackages(
  root: Package,
  load: (manifestPath: string) => Promise<Package> = loadPackage
): Promise<ReadonlyMap<string, string>> {
  const found = new Map<string, string>()
  const seen = new Set<string>()
  const visit = async (pkg: Package): Promise<void> => {
    const { manifest } = pkg
    found.set(`${manifest.package.name}@${manifest.package.version}`, manifest.rootDir)
    for (const dep of manifest.dependencies) {
      if (dep.source.type !== 'path') continue
      const dir = resolve(manifest.rootDir, dep.source.path)
      if (seen.has(dir)) continue
      seen.add(dir)
      // A missing package is named here, by the dependency that declares it (as the app's
      // reader names it); a broken one is the resolver's error to report, with context.
      const file = join(dir, 'Cargo.toml')
      const next = await load(file).catch((e: unknown) => {
        if (isEngineError(e) && e.code === 'not-found' && !existsSync(file))
          throw missingPathDependency(dep, manifest.path, file)
        return undefined
      })
      if (next) await visit(next)
    }
  }
  seen.add(root.manifest.rootDir)
  await visit(root)
  return found
}
