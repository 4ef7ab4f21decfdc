/**
 * The path packages reachable from the root through path dependencies (of any kind), by
 * `name@version`: Cargo.lock lists them without a source, so reading it needs to know where
 * each one is.
 */
import { join, resolve } from 'node:path'
import type { Package } from '../manifest/model'
import { loadPackage } from '../manifest/read-manifest'

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
      // A missing or broken path package is the resolver's error to report, with context.
      const next = await load(join(dir, 'Cargo.toml')).catch(() => undefined)
      if (next) await visit(next)
    }
  }
  seen.add(root.manifest.rootDir)
  await visit(root)
  return found
}
