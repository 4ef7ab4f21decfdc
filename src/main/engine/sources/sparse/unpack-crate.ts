/**
 * A verified `.crate` unpacked into `<src>/<name>-<version>/`, so that a folder there is either
 * complete or absent. The archive is extracted into a private temporary folder, marked complete
 * with cargo's `.cargo-ok` file, and only then renamed into place. A folder without the marker
 * (left by an older or interrupted unpacker) is never trusted: it is removed and unpacked
 * again. Temporary folders left by a process that died are cleaned up on the next unpack.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError, isNotFound } from '../../errors'
import { isFile } from '../../tools/paths'
import { extractTarGz } from '../../tools/safe-extract'
import { isAlive } from '../../tools/process-alive'

/** Cargo's marker; its content is cargo's too, so cargo would accept the folder as well. */
export const UNPACKED_MARKER = '.cargo-ok'
const MARKER_CONTENT = '{"v":1}'

/** Cargo's limits: 512 MiB unpacked, or 20 times the archive for larger archives. */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024
const MAX_COMPRESSION_RATIO = 20
const MAX_ENTRIES = 200_000

/** Whether `dir` is a completely unpacked package (its marker exists and is not empty). */
export async function isUnpacked(dir: string): Promise<boolean> {
  try {
    return (await readFile(join(dir, UNPACKED_MARKER))).length > 0
  } catch {
    return false
  }
}

function tempPrefix(root: string): string {
  return `.tmp-${root}-`
}

async function removeAbandonedTemps(srcDir: string, root: string): Promise<void> {
  const prefix = tempPrefix(root)
  for (const name of await readdir(srcDir)) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    // Best effort, as for git checkouts: what cannot go now goes on a later run.
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid))
      await rm(join(srcDir, name), { recursive: true, force: true }).catch(() => undefined)
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (e) {
    if (isNotFound(e)) return false
    throw e
  }
}

/**
 * Unpacks `data` (already checked against its checksum) as `root` (`name-version`) under
 * `srcDir`; returns the package folder. `label` names the package in messages.
 */
export async function unpackCrate(
  data: Uint8Array,
  srcDir: string,
  root: string,
  label: string
): Promise<string> {
  try {
    return await unpackInto(data, srcDir, root, label)
  } catch (e) {
    if (e instanceof EngineError) throw e
    throw new EngineError('io', `Could not unpack ${label} into ${srcDir}: ${(e as Error).message}`, {
      hint: 'Fix the permissions of the cache folder, or free some disk space.'
    })
  }
}

async function unpackInto(data: Uint8Array, srcDir: string, root: string, label: string): Promise<string> {
  const final = join(srcDir, root)
  if (await isUnpacked(final)) return final
  await mkdir(srcDir, { recursive: true })
  await removeAbandonedTemps(srcDir, root)
  // Whatever is there without a marker was interrupted: never trusted, never merged into.
  if (await exists(final)) await rm(final, { recursive: true, force: true })

  const temp = join(srcDir, `${tempPrefix(root)}${process.pid}-${randomUUID()}`)
  await mkdir(temp)
  try {
    await extractTarGz(data, temp, {
      root,
      label,
      maxBytes: Math.max(MAX_UNPACKED_BYTES, data.length * MAX_COMPRESSION_RATIO),
      maxEntries: MAX_ENTRIES,
      // A marker shipped inside the archive must not vouch for an unpacking it did not see.
      skip: (relative) => relative === UNPACKED_MARKER
    })
    const unpacked = join(temp, root)
    if (!(await isFile(join(unpacked, 'Cargo.toml'))))
      throw new EngineError(
        'io',
        `The archive of ${label} has no \`${root}/Cargo.toml\`; it was not unpacked.`,
        {
          hint: 'The registry served a malformed package; report it to the registry.'
        }
      )
    await writeFile(join(unpacked, UNPACKED_MARKER), MARKER_CONTENT)
    try {
      await rename(unpacked, final)
    } catch (e) {
      // Another process unpacked the same package meanwhile; its folder is as good as ours.
      if (!(await isUnpacked(final)))
        throw new EngineError(
          'io',
          `Could not move the unpacked ${label} to ${final}: ${(e as Error).message}`,
          {
            hint: 'Fix the permissions of the cache folder, or free some disk space.'
          }
        )
    }
    return final
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
