/**
 * Cargo.lock's bytes, read with the manifest's guards: a FIFO or device named Cargo.lock in an
 * untrusted project must not block a thread forever, and a huge file must not fill memory.
 */
import { EngineError, isEngineError } from '../errors'
import { decodeTomlBytes, MAX_MANIFEST_BYTES } from '../manifest/decode'
import { readSmallFileSync } from '../manifest/read-manifest-sync'

/** Undefined when there is no lock file. */
export function readLockBytes(path: string): Uint8Array | undefined {
  const bytes = readSmallFileSync(path, 'lock file')
  if (bytes !== undefined && bytes.length > MAX_MANIFEST_BYTES)
    throw new EngineError('invalid-input', `${path} is larger than ${MAX_MANIFEST_BYTES >> 20} MiB.`, {
      file: path,
      hint: 'Delete Cargo.lock; it is generated again.'
    })
  return bytes
}

/** The lock's text, or `exists: false` for none. A lock that is not UTF-8 is an error, as in cargo. */
export function readLockText(path: string): { readonly exists: boolean; readonly text?: string } {
  const bytes = readLockBytes(path)
  if (bytes === undefined) return { exists: false }
  try {
    return { exists: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    // The manifest decoder says where the bad byte is.
    try {
      decodeTomlBytes(bytes, path)
    } catch (e) {
      if (isEngineError(e))
        throw new EngineError('invalid-input', e.message, {
          ...e.details,
          hint: 'Cargo.lock is generated: delete it and it is written again.'
        })
    }
    throw new EngineError('invalid-input', `${path} is not valid UTF-8.`, { file: path })
  }
}
