/**
 * One resolution's package reads: each path package's manifest and targets are read once, though
 * finding path packages, the path sources and the final package list all ask for them.
 */
import type { Package } from '../manifest/model'
import { loadPackage } from '../manifest/read-manifest'

export type PackageLoader = (manifestPath: string) => Promise<Package>

export function packageLoader(seed?: Package): PackageLoader {
  const loaded = new Map<string, Promise<Package>>()
  if (seed) loaded.set(seed.manifest.path, Promise.resolve(seed))
  return (manifestPath) => {
    let p = loaded.get(manifestPath)
    if (!p) {
      p = loadPackage(manifestPath)
      loaded.set(manifestPath, p)
      // A failed read is not remembered: the caller that reports it may ask again.
      p.catch(() => loaded.delete(manifestPath))
    }
    return p
  }
}
