/**
 * cargo's check of a directory-source package before it is used (`DirectorySource::verify`):
 * every file listed in `.cargo-checksum.json` must still have its sha256. Files not listed are
 * not checked, as in cargo. A listed path that leaves the package folder, or that is not a
 * regular file (a FIFO, a device), is refused rather than read.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { EngineError } from '../../errors'
import { CHECKSUM_FILE } from './checksum-file'

/** Files hashed at once: enough to keep the disk busy without opening thousands of handles. */
const PARALLEL = 8

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function verifyOne(dir: string, name: string, expected: string, label: string): Promise<void> {
  const file = resolve(dir, name)
  const rel = relative(dir, file)
  const checksumFile = resolve(dir, CHECKSUM_FILE)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new EngineError(
      'invalid-input',
      `The \`${CHECKSUM_FILE}\` of ${label} lists \`${name}\`, which is outside the package.`,
      {
        file: checksumFile,
        hint: 'The directory source is damaged or was tampered with; vendor the package again.'
      }
    )
  let actual: string
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new Error('it is not a regular file')
    actual = await sha256OfFile(file)
  } catch (e) {
    throw new EngineError('io', `Failed to calculate the checksum of ${file}: ${(e as Error).message}`, {
      file,
      hint: `The file is listed in ${checksumFile}; restore it or vendor the package again.`
    })
  }
  if (actual !== expected)
    throw new EngineError(
      'io',
      `The listed checksum of \`${file}\` has changed:\nexpected: ${expected}\nactual:   ${actual}`,
      {
        file,
        hint: 'Directory sources are not intended to be edited; if modifications are required, use `[patch]` with a forked copy of the source.'
      }
    )
}

/** Resolves when every listed file matches; throws an `EngineError` naming the first that does not. */
export async function verifyPackageFiles(
  dir: string,
  files: ReadonlyMap<string, string>,
  label: string
): Promise<void> {
  const queue = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const [name, expected] = queue[next++] as [string, string]
      await verifyOne(dir, name, expected, label)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker))
}
