/**
 * `readme` in `cargo metadata`: the path as written, or, when the manifest names none, the
 * first of README.md, README.txt and README that exists beside the manifest (cargo's
 * auto-detection).
 */
import { join } from 'node:path'
import type { Manifest } from '../manifest/model'
import { isFile } from '../tools/paths'

const CANDIDATES = ['README.md', 'README.txt', 'README'] as const

export async function readmeOf(manifest: Manifest): Promise<string | null> {
  if (manifest.package.readme !== undefined) return manifest.package.readme
  for (const name of CANDIDATES) if (await isFile(join(manifest.rootDir, name))) return name
  return null
}
