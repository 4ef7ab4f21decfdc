/**
 * The synchronous twin of `readManifestBytes`, with the same guards (regular file only, size
 * cap, no waiting on a FIFO). For directory sources, which read thousands of small manifests:
 * one blocking read of a few kilobytes costs microseconds, while each asynchronous one makes
 * four trips through libuv's four-thread pool, which made resolution I/O-bound (see the
 * resolve benchmark).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { EngineError, isNotFound } from '../errors'
import { MAX_MANIFEST_BYTES } from './decode'

/** The file's bytes, or undefined when it does not exist. */
export function readSmallFileSync(file: string, what = 'file'): Uint8Array | undefined {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw new EngineError('io', `Could not read ${file}: ${(e as Error).message}`, { file })
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile())
      throw new EngineError('manifest-invalid', `${file} is not a regular file.`, {
        file,
        hint: `A ${what} must be an ordinary file, not a device, pipe or directory.`
      })
    const buffer = new Uint8Array(Math.min(info.size, MAX_MANIFEST_BYTES) + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, length)
      if (read === 0) break
      length += read
    }
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}
