/**
 * A version's `.crate` archive, fetched from the registry's `dl` URL and checked against the
 * index's sha256 before anything reads it. Verified archives are kept under `<cache>/crates/`
 * (cargo keeps them too), so an unpacked folder that is lost or was interrupted can be
 * rebuilt offline; a kept archive is verified again on every use.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { EngineError } from '../../errors'
import type { HttpClient } from './http-client'
import { httpStatusError, isNotFoundStatus } from './http-status'

/** Far above crates.io's upload limit; a bigger answer is not a package. */
const MAX_CRATE_BYTES = 512 * 1024 * 1024

export interface CrateRequest {
  readonly name: string
  readonly version: string
  /** Lowercase hex sha256 from the index. */
  readonly checksum: string
  /** `serde v1.0.0`, for messages. */
  readonly label: string
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export function crateFileOf(cacheDir: string, name: string, version: string): string {
  return join(cacheDir, 'crates', `${name}-${version}.crate`)
}

async function keep(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`
  try {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(temp, data)
    await rename(temp, file)
  } catch {
    // Only a cache: the next use downloads again.
    await rm(temp, { force: true }).catch(() => {})
  }
}

/** The kept archive when it still matches its checksum. */
export async function keptCrate(cacheDir: string, crate: CrateRequest): Promise<Uint8Array | undefined> {
  const data = await readFile(crateFileOf(cacheDir, crate.name, crate.version)).catch(() => undefined)
  return data && sha256Hex(data) === crate.checksum ? data : undefined
}

/** Downloads `crate` from `url`, verifies it, keeps it, and returns its bytes. */
export async function downloadCrate(
  http: HttpClient,
  url: string,
  cacheDir: string,
  crate: CrateRequest
): Promise<Uint8Array> {
  const res = await http.get(url, {}, MAX_CRATE_BYTES)
  if (isNotFoundStatus(res.status))
    throw new EngineError(
      'not-found',
      `The registry has no download for ${crate.label} (HTTP ${res.status} from ${url}).`,
      {
        hint: 'The version may have been removed from the registry; choose another version.'
      }
    )
  if (res.status !== 200) throw httpStatusError(url, res)
  const actual = sha256Hex(res.body)
  if (actual !== crate.checksum)
    throw new EngineError(
      'io',
      `Failed to verify the checksum of ${crate.label}: ${url} served sha256 ${actual}, but the index lists ${crate.checksum}. Nothing was unpacked.`,
      { hint: 'The download was damaged or tampered with; try again, and tell the registry if it persists.' }
    )
  await keep(crateFileOf(cacheDir, crate.name, crate.version), res.body)
  return res.body
}
