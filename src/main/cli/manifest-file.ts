/** The manifest as the editing commands read and write it: text with its BOM, written atomically. */
import { EngineError } from '../engine/errors'
import { decodeTomlBytes } from '../engine/manifest/decode'
import { readManifestBytes } from '../engine/manifest/read-manifest'
import { writeFileAtomic } from '../engine/tools/atomic-write'

/** The file's text; a BOM stays in front as U+FEFF so writing it back keeps it. */
export async function readManifestText(file: string): Promise<string> {
  const { text, hadBom } = decodeTomlBytes(await readManifestBytes(file), file)
  return hadBom ? `\uFEFF${text}` : text
}

export async function writeManifestText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text)
}

/** Engine errors about the manifest text name the file. */
export function withManifestFile<T>(file: string, work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof EngineError && e.details.file === undefined)
      throw new EngineError(e.code, e.message, { ...e.details, file })
    throw e
  }
}
