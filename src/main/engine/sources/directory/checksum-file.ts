/**
 * A directory-source package's `.cargo-checksum.json`: `package`, the sha256 of the `.crate` it
 * came from (Cargo.lock's checksum), and `files`, the sha256 of each file cargo verifies before
 * using the package. `package` is taken as written: Debian writes the placeholder
 * "Could not get crate checksum" there, and cargo copies that string into Cargo.lock unchanged.
 */
import { join } from 'node:path'
import { EngineError } from '../../errors'
import { MAX_MANIFEST_BYTES } from '../../manifest/decode'
import { readSmallFileSync } from '../../manifest/read-manifest-sync'

export const CHECKSUM_FILE = '.cargo-checksum.json'

export interface ChecksumFile {
  /** Absent when the file has no `package` (or `null`): the package is locked without a checksum. */
  readonly package?: string
  /** Relative path → lowercase hex sha256. */
  readonly files: ReadonlyMap<string, string>
}

function decodeError(file: string, label: string, why: string): EngineError {
  return new EngineError('invalid-input', `Failed to decode \`${CHECKSUM_FILE}\` of ${label}: ${why}.`, {
    file,
    hint: 'Directory sources are written by `cargo vendor`; vendor the package again.'
  })
}

/** Parses the file's text; `label` names the package in errors (`serde v1.0.152`). */
export function parseChecksumFile(text: string, file: string, label: string): ChecksumFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw decodeError(file, label, (e as Error).message)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw decodeError(file, label, 'it is not an object')
  const { package: pkg, files } = raw as Record<string, unknown>
  if (pkg !== undefined && pkg !== null && typeof pkg !== 'string')
    throw decodeError(file, label, '`package` must be a string')
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    throw decodeError(
      file,
      label,
      files === undefined ? 'missing field `files`' : '`files` must be an object'
    )
  const map = new Map<string, string>()
  for (const [name, sum] of Object.entries(files)) {
    if (typeof sum !== 'string')
      throw decodeError(file, label, `the checksum of \`${name}\` must be a string`)
    map.set(name, sum)
  }
  return typeof pkg === 'string' ? { package: pkg, files: map } : { files: map }
}

/** Read synchronously: a directory source loads thousands of these (see read-manifest-sync.ts). */
export function readChecksumFile(dir: string, label: string): ChecksumFile {
  const file = join(dir, CHECKSUM_FILE)
  const missing = (why: string) =>
    new EngineError('not-found', `Failed to load the checksum \`${CHECKSUM_FILE}\` of ${label}: ${why}`, {
      file,
      hint: 'Every package in a directory source needs one; `cargo vendor` writes it.'
    })
  const bytes = readSmallFileSync(file, 'checksum file')
  if (bytes === undefined) throw missing('no such file')
  if (bytes.length > MAX_MANIFEST_BYTES) throw decodeError(file, label, 'the file is too large')
  return parseChecksumFile(new TextDecoder().decode(bytes), file, label)
}
