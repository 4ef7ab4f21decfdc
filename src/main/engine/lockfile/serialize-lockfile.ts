/** A `Resolve` → Cargo.lock text, byte for byte what cargo 1.95 writes for the same resolve. */
import type { Resolve } from '../resolver/resolve/resolve-types'
import { encodeResolve, type EncodeOptions } from './encode-resolve'
import { renderLockfile } from './render-lockfile'

export interface SerializeLockfileOptions extends EncodeOptions {
  /** The lock file this one replaces: cargo keeps the comments it started with. */
  readonly original?: string
}

/**
 * The lock text in `options.version`'s format. Choosing the format is the caller's part
 * (`lockVersionForWrite`), because cargo first compares in the old format and upgrades only
 * when it writes anyway (see `writeLockfile`).
 */
export function serializeLockfile(resolve: Resolve, options: SerializeLockfileOptions): string {
  return renderLockfile(encodeResolve(resolve, options), options.original)
}
