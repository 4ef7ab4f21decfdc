/**
 * Unpacks a gzipped tarball (a `.crate`) into a fresh directory, refusing what a package has no
 * business containing instead of quietly fixing it up: absolute paths, `..`, entries outside
 * the one expected top-level folder, links and devices, duplicate files, and more data than a
 * sane limit (a decompression bomb). Only plain files and folders are ever written, so nothing
 * can be redirected outside the target through a link made earlier in the same archive.
 *
 * Parsing is tar-stream's (pax and GNU long names included); the checks and the writing are ours.
 */
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type { Header } from 'tar-stream'
import { loadTarStream } from './lazy-modules'
import { EngineError } from '../errors'

export interface ExtractOptions {
  /** The single top-level folder every entry must be under (`serde-1.0.0`). */
  readonly root: string
  /** Decompressed bytes allowed, tar headers included. */
  readonly maxBytes: number
  readonly maxEntries: number
  /** Names the archive in messages (`serde v1.0.0`). */
  readonly label: string
  /** Files (path below `root`, `/`-separated) to leave out, such as an unpacker's own marker. */
  readonly skip?: (relative: string) => boolean
}

/**
 * The path segments of an entry below `root`, or why the entry is refused. Pure, so the rules
 * can be tested without building archives.
 */
export function entrySegments(name: string, root: string): readonly string[] | string {
  if (name.includes('\\')) return `a path with a backslash (\`${name}\`)`
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `an absolute path (\`${name}\`)`
  const segments = name.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) return `a path that climbs out with \`..\` (\`${name}\`)`
  if (segments[0] !== root) return `a file at \`${name}\`, which is not under \`${root}/\``
  return segments.slice(1)
}

function refuse(label: string, what: string): EngineError {
  return new EngineError('io', `The archive of ${label} contains ${what}; it was not unpacked.`, {
    hint: 'The registry served a malformed or malicious package; report it to the registry.'
  })
}

function damaged(label: string, e: unknown): EngineError {
  return new EngineError('io', `The archive of ${label} could not be unpacked: ${(e as Error).message}`, {
    hint: 'The download may be damaged; try again, or report it to the registry.'
  })
}

async function* limited(source: AsyncIterable<Buffer>, maxBytes: number, label: string) {
  let total = 0
  for await (const chunk of source) {
    total += chunk.length
    if (total > maxBytes)
      throw refuse(label, `more than ${Math.round(maxBytes / (1024 * 1024))} MiB of data once decompressed`)
    yield chunk
  }
}

/**
 * Names already unpacked, by their case-folded NFC form: two entries that differ only in case or
 * Unicode normalization would be one file on macOS and Windows, the second silently replacing
 * (or becoming) the first, so they are refused everywhere.
 */
type SeenNames = Map<string, { readonly name: string; readonly directory: boolean }>

function checkCollision(
  seen: SeenNames,
  rawName: string,
  segments: readonly string[],
  directory: boolean,
  label: string
): void {
  const name = segments.join('/')
  const key = name.normalize('NFC').toLowerCase()
  const before = seen.get(key)
  if (before) {
    // The same folder listed again is harmless; anything else would overwrite.
    if (before.name === name && directory && before.directory) return
    throw refuse(
      label,
      before.name === name
        ? `\`${rawName}\` twice`
        : `\`${before.name}\` and \`${name}\`, one file on a case-insensitive or normalizing file system`
    )
  }
  seen.set(key, { name, directory })
}

async function writeEntry(
  header: Header,
  entry: Readable,
  into: string,
  options: ExtractOptions,
  seen: SeenNames
) {
  const segments = entrySegments(header.name, options.root)
  if (typeof segments === 'string') throw refuse(options.label, segments)
  const target = join(into, options.root, ...segments)
  if ((header.type === 'directory' || header.type === 'file') && segments.length > 0)
    checkCollision(seen, header.name, segments, header.type === 'directory', options.label)
  if (header.type === 'directory') {
    entry.resume()
    await mkdir(target, { recursive: true })
    return
  }
  if (header.type !== 'file')
    throw refuse(options.label, `a ${header.type ?? 'special'} entry (\`${header.name}\`)`)
  if (segments.length === 0) throw refuse(options.label, `a file in place of the \`${options.root}\` folder`)
  if (options.skip?.(segments.join('/'))) {
    entry.resume()
    return
  }
  await mkdir(dirname(target), { recursive: true })
  // `wx`: a second entry for the same file is refused rather than silently replacing the first.
  const mode = (header.mode ?? 0) & 0o111 ? 0o755 : 0o644
  await pipeline(entry, createWriteStream(target, { flags: 'wx', mode })).catch(
    (e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST' || e.code === 'EISDIR' ? refuse(options.label, `\`${header.name}\` twice`) : e
    }
  )
}

/** Unpacks `data` (gzip) into the existing, empty directory `into`; entries land in `into/<root>/`. */
export async function extractTarGz(data: Uint8Array, into: string, options: ExtractOptions): Promise<void> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) throw damaged(options.label, new Error('it is not a gzip file'))
  const { extract } = await loadTarStream()
  const tar = extract()
  const feeding = pipeline(
    Readable.from([data]),
    createGunzip(),
    (source: AsyncIterable<Buffer>) => limited(source, options.maxBytes, options.label),
    tar
  )
  // Its failure is reported below, through the entries loop or the await.
  feeding.catch(() => {})
  let entries = 0
  const seen: SeenNames = new Map()
  try {
    for await (const entry of tar) {
      if (++entries > options.maxEntries)
        throw refuse(options.label, `more than ${options.maxEntries} entries`)
      await writeEntry(entry.header, entry as unknown as Readable, into, options, seen)
    }
    await feeding
  } catch (e) {
    tar.destroy()
    const feedError: unknown = await feeding.then(
      () => undefined,
      (x: unknown) => x
    )
    if (e instanceof EngineError) throw e
    if (feedError instanceof EngineError) throw feedError
    if (typeof (e as NodeJS.ErrnoException).syscall === 'string')
      throw new EngineError('io', `Could not unpack ${options.label} into ${into}: ${(e as Error).message}`, {
        hint: 'Free some disk space or fix the permissions of the cache folder.'
      })
    throw damaged(options.label, e)
  }
}
