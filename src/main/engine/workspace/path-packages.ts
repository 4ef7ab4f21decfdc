/**
 * The path packages reachable from the root through path dependencies (of any kind), by
 * `name@version`: Cargo.lock lists them without a source, so reading it needs to know where
 * each one is.
 */
import { join, resolve } from 'node:path'
import type { Dependency, Package } from '../manifest/model'
import { existsSync } from 'node:fs'
import { isEngineError } from '../errors'
import { loadPackage } from '../manifest/read-manifest'
import { missingPathDependency } from './package-graph'

type Loaded = { readonly pkg: Package } | { readonly error: unknown }

/** A package's path dependencies, with the folders they name. */
function pathDeps(pkg: Package): { dep: Dependency; dir: string }[] {
  const { manifest } = pkg
  return manifest.dependencies.flatMap((dep) =>
    dep.source.type === 'path' ? [{ dep, dir: resolve(manifest.rootDir, dep.source.path) }] : []
  )
}

export async function collectPathPackages(
  root: Package,
  load: (manifestPath: string) => Promise<Package> = loadPackage
): Promise<ReadonlyMap<string, string>> {
  // Every reachable package is read at once (a 300-crate workspace waited on each read in turn)...
  const loads = new Map<string, Promise<Loaded>>()
  const discover = (pkg: Package): void => {
    for (const { dir } of pathDeps(pkg)) {
      if (dir === root.manifest.rootDir || loads.has(dir)) continue
      loads.set(
        dir,
        load(join(dir, 'Cargo.toml')).then(
          (next) => {
            discover(next)
            return { pkg: next }
          },
          (error: unknown) => ({ error })
        )
      )
    }
  }
  discover(root)
  for (let settled = 0; settled < loads.size;) {
    const pending = [...loads.values()]
    await Promise.all(pending)
    settled = pending.length
  }
  // ...then walked depth first as before, so which folder a duplicate name@version keeps and
  // which missing dependency is reported first do not depend on which read finished first.
  const found = new Map<string, string>()
  const seen = new Set<string>([root.manifest.rootDir])
  const visit = async (pkg: Package): Promise<void> => {
    const { manifest } = pkg
    found.set(`${manifest.package.name}@${manifest.package.version}`, manifest.rootDir)
    for (const { dep, dir } of pathDeps(pkg)) {
      if (seen.has(dir)) continue
      seen.add(dir)
      const loaded = await loads.get(dir)!
      if ('pkg' in loaded) {
        await visit(loaded.pkg)
        continue
      }
      // A missing package is named here, by the dependency that declares it (as the app's
      // reader names it); a broken one is the resolver's error to report, with context.
      const file = join(dir, 'Cargo.toml')
      if (isEngineError(loaded.error) && loaded.error.code === 'not-found' && !existsSync(file))
        throw missingPathDependency(dep, manifest.path, file)
    }
  }
  await visit(root)
  return found
}
