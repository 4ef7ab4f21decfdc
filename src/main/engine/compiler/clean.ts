/**
 * `clean`: remove the target folder (or one profile's folder in it), as cargo does, after
 * taking the build lock so a running build is never pulled from under itself. Reports what
 * was removed in cargo's words ("Removed 12 files, 3.4MiB total").
 */
import { lstat, readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { loadCargoConfig } from '../config/load-cargo-config'
import { targetDir as configuredTargetDir } from '../config/net-build-config'
import { acquireBuildLock } from './build-lock'
import type { EventSink } from './events'

export interface CleanOptions {
  readonly manifestPath: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Only this profile's folder (`debug`, `release`, a custom profile's name). */
  readonly profileDir?: string
  readonly dryRun?: boolean
}

export interface CleanResult {
  readonly files: number
  readonly bytes: number
}

export async function cleanTarget(
  o: CleanOptions,
  sink: EventSink,
  signal?: AbortSignal
): Promise<CleanResult> {
  const root = dirname(o.manifestPath)
  const config = await loadCargoConfig({ cwd: root, env: o.env, homeDir: o.homeDir })
  const target = configuredTargetDir(config) ?? join(root, 'target')
  const dir = o.profileDir ? join(target, o.profileDir) : target
  const counted = await count(dir)
  if (!o.dryRun && counted.files > 0) {
    // The lock lives in the profile folder; a whole-target clean waits for the dev build's.
    const release = await acquireBuildLock(o.profileDir ? dir : join(target, 'debug'), sink, signal)
    try {
      await rm(dir, { recursive: true, force: true })
    } finally {
      await release().catch(() => undefined)
    }
  }
  const verb = o.dryRun ? 'Summary' : 'Removed'
  sink({ type: 'status', verb, detail: describeRemoved(counted) })
  return counted
}

/** cargo's summary: file count, then the size in binary units with one decimal. */
export function describeRemoved({ files, bytes }: CleanResult): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let size = bytes
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  const shown = unit === 0 ? `${size}${units[0]}` : `${size.toFixed(1)}${units[unit]}`
  return `${files} file${files === 1 ? '' : 's'}${files > 0 ? `, ${shown} total` : ''}`
}

async function count(path: string): Promise<CleanResult> {
  let s
  try {
    s = await lstat(path)
  } catch {
    return { files: 0, bytes: 0 }
  }
  if (!s.isDirectory()) return { files: 1, bytes: s.size }
  let files = 0
  let bytes = 0
  for (const name of await readdir(path)) {
    const inner = await count(join(path, name))
    files += inner.files
    bytes += inner.bytes
  }
  return { files, bytes }
}
