/**
 * `clean`: remove the target folder (or one profile's folder in it), as cargo does, after
 * taking the build lock so a running build is never pulled from under itself. Reports what
 * was removed in cargo's words ("Removed 12 files, 3.4MiB total").
 */
import { lstat, readdir, rm } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { EngineError } from '../errors'
import { loadCargoConfig } from '../config/load-cargo-config'
import { targetDir as configuredTargetDir } from '../config/net-build-config'
import { acquireBuildLock } from './build-lock'
import type { EventSink } from './events'

export interface CleanOptions {
  readonly manifestPath: string
  /** Where a relative CARGO_TARGET_DIR resolves from, as for builds (the CLI's directory). */
  readonly cwd: string
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
  const fromEnv = o.env.CARGO_TARGET_DIR
  const target = fromEnv ? resolve(o.cwd, fromEnv) : (configuredTargetDir(config) ?? join(root, 'target'))
  await refuseUnsafe(target, root, o.homeDir)
  const dir = o.profileDir ? join(target, o.profileDir) : target
  const counted = await count(dir)
  if (!o.dryRun && counted.files > 0) {
    // Each profile folder has its build lock: wait for every build using what is removed.
    const releases = []
    try {
      for (const profile of o.profileDir ? [dir] : await profileDirs(target))
        releases.push(await acquireBuildLock(profile, sink, signal))
      await rm(dir, { recursive: true, force: true })
    } finally {
      for (const release of releases) await release().catch(() => undefined)
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

/**
 * The target folder comes from the project's own configuration, which may be hostile or wrong
 * (`build.target-dir = ".."`): never remove the project, a folder above it, the home folder or
 * the root, and never a folder that does not look like build output.
 */
async function refuseUnsafe(target: string, projectDir: string, homeDir: string): Promise<void> {
  const rel = relative(target, projectDir)
  const containsProject = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  const refuse = (why: string) =>
    new EngineError('invalid-input', `Refusing to clean ${target}: ${why}.`, {
      hint: 'Check `build.target-dir` in .cargo/config.toml and CARGO_TARGET_DIR, then remove the folder yourself if you mean it.'
    })
  if (containsProject) throw refuse('it holds the project itself')
  if (target === homeDir || dirname(target) === target) throw refuse('it is the home or root folder')
  const entries = await readdir(target).catch(() => undefined)
  if (!entries || entries.length === 0) return
  if (entries.includes('CACHEDIR.TAG') || entries.includes('.rustc_info.json')) return
  if ((await profileDirs(target)).length > 0) return
  throw refuse('it does not look like a build output folder (no profile folders with deps/ or .fingerprint/)')
}

/** target/<profile> folders: those with cargo's (and our) build layout inside. */
async function profileDirs(target: string): Promise<string[]> {
  const out: string[] = []
  for (const name of await readdir(target).catch(() => [] as string[])) {
    const inner = await readdir(join(target, name)).catch(() => [] as string[])
    if (inner.includes('deps') || inner.includes('.fingerprint')) out.push(join(target, name))
  }
  return out
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
