/** Reading a package from disk: bytes → text → TOML → Manifest → Package with targets. */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { EngineError, isNotFound } from '../errors'
import { decodeTomlBytes, MAX_MANIFEST_BYTES } from './decode'
import { discoverTargets } from './discover-targets'
import { KeyLocator } from './locate'
import type { Manifest, Package } from './model'
import { normalizeManifest } from './normalize'
import { parseToml } from './parse-toml'
import { inheritFromWorkspace } from './inherit-workspace'
import { findWorkspaceRoot } from './workspace-root'
import type { ManifestWarning } from '@shared/models/package'

/**
 * Parses manifest text that is already in memory (the editor's buffer, tests). Values inherited
 * from a workspace are filled in from the root found above `file`.
 */
export function parseManifestText(text: string, file: string): Manifest {
  const doc = parseToml(text, file)
  const locator = new KeyLocator(text)
  const warnings: ManifestWarning[] = []
  const parsed = { file, doc, locator }
  const inherited = inheritFromWorkspace(doc, {
    file,
    locator,
    warnings,
    root: () => findWorkspaceRoot(parsed)
  })
  return normalizeManifest(inherited, file, locator, warnings)
}

/**
 * Reads at most the size cap from a regular file. A hostile project could point Cargo.toml at
 * /dev/zero or a FIFO; neither may hang or exhaust the app.
 */
export async function readManifestBytes(file: string): Promise<Uint8Array> {
  let handle
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for regular files.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    if (isNotFound(e)) {
      throw new EngineError('not-found', `There is no Cargo.toml at ${file}.`, {
        file,
        hint: 'Open a folder that contains a Cargo.toml, or create a package with New Package.'
      })
    }
    throw new EngineError('io', `Could not read ${file}: ${(e as Error).message}`, { file })
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) {
      throw new EngineError('manifest-invalid', `${file} is not a regular file.`, {
        file,
        hint: 'A manifest must be an ordinary file, not a device, pipe or directory.'
      })
    }
    // One byte over the cap is enough to refuse the file with the decoder's message.
    const buffer = new Uint8Array(Math.min(info.size, MAX_MANIFEST_BYTES) + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/** The file as the editor holds it: a BOM stays (as U+FEFF), so writing the text back keeps it. */
export async function readManifestText(file: string): Promise<string> {
  const { text, hadBom } = decodeTomlBytes(await readManifestBytes(file), file)
  return hadBom ? `\uFEFF${text}` : text
}

export async function readManifest(file: string): Promise<Manifest> {
  return parseManifestText(decodeTomlBytes(await readManifestBytes(file), file).text, file)
}

export async function loadPackage(file: string): Promise<Package> {
  return discoverTargets(await readManifest(file))
}
