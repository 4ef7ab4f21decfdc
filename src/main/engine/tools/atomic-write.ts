/**
 * Whole-or-nothing file replacement for the user's files: write a temporary file beside the
 * target, fsync it, then rename it over the target and fsync the directory. A crash or a kill
 * at any moment leaves either the old file or the new one, never a mix. The file's mode is
 * kept, and a symlinked manifest is written through its link (the link itself stays).
 */
import { randomUUID } from 'node:crypto'
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { EngineError, isNotFound } from '../errors'

async function targetOf(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch (e) {
    if (isNotFound(e)) return path
    throw e
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; not possible on every platform, so best effort.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open directories; the rename is still atomic there.
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await targetOf(path)
  const dir = dirname(target)
  const mode = await stat(target).then(
    (s) => s.mode & 0o7777,
    () => undefined
  )
  const temp = join(dir, `.${basename(target)}.${randomUUID()}.tmp`)
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (mode !== undefined) await chmod(temp, mode)
    await rename(temp, target)
  } catch (e) {
    await rm(temp, { force: true })
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder is not writable'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full'
          : (e as Error).message
    throw new EngineError('io', `Could not save ${path}: ${why}. The file on disk was not changed.`, {
      file: path,
      hint: 'Free some space or fix the folder permissions, then save again.'
    })
  }
  await fsyncDirectory(dir)
}
