/** Reading a package from disk: bytes → text → TOML → Manifest → Package with targets. */
import { readFile } from 'node:fs/promises'
import { EngineError, isNotFound } from '../errors'
import { decodeTomlBytes } from './decode'
import { discoverTargets } from './discover-targets'
import { KeyLocator } from './locate'
import type { Manifest, Package } from './model'
import { normalizeManifest } from './normalize'
import { parseToml } from './parse-toml'

/** Parses manifest text that is already in memory (the editor's buffer, tests). */
export function parseManifestText(text: string, file: string): Manifest {
  const doc = parseToml(text, file)
  return normalizeManifest(doc, file, new KeyLocator(text))
}

export async function readManifest(file: string): Promise<Manifest> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (e) {
    if (isNotFound(e)) {
      throw new EngineError('not-found', `There is no Cargo.toml at ${file}.`, {
        file,
        hint: 'Open a folder that contains a Cargo.toml, or create a package with New Package.'
      })
    }
    throw new EngineError('io', `Could not read ${file}: ${(e as Error).message}`, { file })
  }
  return parseManifestText(decodeTomlBytes(bytes, file).text, file)
}

export async function loadPackage(file: string): Promise<Package> {
  return discoverTargets(await readManifest(file))
}
