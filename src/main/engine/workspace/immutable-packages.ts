/**
 * Registry and git packages, read once per app session: their folders never change under a
 * version or commit, so a resident app need not parse their manifests and discover their
 * targets again on every build. A changed Cargo.toml (a reinstalled Debian crate, a cache
 * cleaned and refilled) has a new stamp and is read again.
 */
import { stat } from 'node:fs/promises'
import type { Package } from '../manifest/model'
import { loadPackage } from '../manifest/read-manifest'

const cache = new Map<string, { readonly stamp: string; readonly pkg: Promise<Package> }>()

export async function loadImmutablePackage(manifestPath: string): Promise<Package> {
  const s = await stat(manifestPath)
  const stamp = `${s.ino}:${s.size}:${s.mtimeMs}`
  const hit = cache.get(manifestPath)
  if (hit?.stamp === stamp) return hit.pkg
  const pkg = loadPackage(manifestPath)
  cache.set(manifestPath, { stamp, pkg })
  pkg.catch(() => cache.delete(manifestPath))
  return pkg
}
