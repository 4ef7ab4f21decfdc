/**
 * Writing Cargo.lock as cargo does (`write_pkg_lockfile`): serialize in the format the lock was
 * loaded in, leave the file alone when nothing changed (so read-only checkouts and timestamps
 * survive), refuse under `--locked`/`--frozen` with cargo's message, and otherwise move an old
 * format up to the default and replace the file atomically.
 */
import { EngineError } from '../errors'
import type { Resolve } from '../resolver/resolve/resolve-types'
import { writeFileAtomic } from '../tools/atomic-write'
import type { EncodeOptions } from './encode-resolve'
import type { PathSourceFor } from './link-lock'
import { lockfileChanged } from './lockfile-changed'
import { lockVersionForWrite, type LockVersion } from './lock-version'
import { serializeLockfile } from './serialize-lockfile'
import { readLockText } from './read-lock-bytes'

export type LockedFlag = '--locked' | '--frozen'

export interface WriteLockfileOptions extends Omit<EncodeOptions, 'version'> {
  /** The format of the lock the resolve started from (parseLockfile's `version`); undefined for none. */
  readonly loadedVersion?: LockVersion
  /** The workspace members' `rust-version`s, which cap the format of a new or upgraded lock. */
  readonly rustVersions?: readonly (string | undefined)[]
  /** Fail instead of writing a changed lock. */
  readonly locked?: LockedFlag
  readonly pathSource?: PathSourceFor
  /** The lock as the resolution read it; a different file now means it changed underneath. */
  readonly expectedText?: { readonly text: string | undefined }
}

/** Cargo.lock changed between reading it and writing the new one; the caller resolves again. */
export class LockChangedError extends EngineError {
  constructor(path: string) {
    super('conflict', `${path} changed while dependencies were being resolved.`, {
      file: path,
      hint: 'Run the command again.'
    })
  }
}

export type LockfilePlan =
  | { readonly action: 'unchanged'; readonly version: LockVersion }
  | { readonly action: 'write'; readonly version: LockVersion; readonly text: string }
  | { readonly action: 'refuse'; readonly version: LockVersion }

/** cargo's error when the lock would change but the flag forbids it. */
export function lockedError(path: string, flag: LockedFlag, exists: boolean): EngineError {
  return new EngineError(
    'conflict',
    `cannot ${exists ? 'update' : 'create'} the lock file ${path} because ${flag} was passed to prevent this`,
    {
      file: path,
      hint: `to generate the lock file without accessing the network, remove the ${flag} flag and use --offline instead.`
    }
  )
}

/** The decision without the I/O: `original` is the file's text now (undefined when there is none). */
export function planLockfileWrite(
  resolve: Resolve,
  original: string | undefined,
  options: WriteLockfileOptions
): LockfilePlan {
  const loaded = options.loadedVersion ?? lockVersionForWrite(undefined, options.rustVersions)
  const serialize = (version: LockVersion) => serializeLockfile(resolve, { ...options, version, original })
  const text = serialize(loaded)
  const changed =
    original === undefined ||
    lockfileChanged(original, text, { locked: options.locked !== undefined, pathSource: options.pathSource })
  if (!changed) return { action: 'unchanged', version: loaded }
  if (options.locked) return { action: 'refuse', version: loaded }
  const version = lockVersionForWrite(loaded, options.rustVersions)
  return { action: 'write', version, text: version === loaded ? text : serialize(version) }
}

export interface LockfileWrite {
  readonly written: boolean
  /** The format the file is in now. */
  readonly version: LockVersion
}

/** Writes `resolve` to the lock file at `path` if cargo would; throws `lockedError` under `--locked`. */
export async function writeLockfile(
  path: string,
  resolve: Resolve,
  options: WriteLockfileOptions = {}
): Promise<LockfileWrite> {
  const original = readLockText(path)
  // Someone else (another resolve, the user) wrote the lock since this resolution read it.
  if (options.expectedText !== undefined && original.text !== options.expectedText.text)
    throw new LockChangedError(path)
  const plan = planLockfileWrite(resolve, original.text, options)
  switch (plan.action) {
    case 'unchanged':
      return { written: false, version: plan.version }
    case 'refuse':
      throw lockedError(path, options.locked ?? '--locked', original.exists)
    case 'write':
      await writeFileAtomic(path, plan.text)
      return { written: true, version: plan.version }
  }
}
