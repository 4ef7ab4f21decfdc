/** Turns a Cargo.lock written by cargo into the resolver's `locked` input. */
import { join } from 'node:path'
import type { LockedPackage } from '../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO, type SourceId } from '../../../src/main/engine/sources/source-id'
import { parseCargoLock } from './cargo-lock'

/** Path packages have no `source` in Cargo.lock: `pathOf(name)` says where each one lives. */
export function lockedPackages(text: string, pathOf: (name: string) => string): LockedPackage[] {
  return parseCargoLock(text).map((p) => {
    const source: SourceId = p.source === undefined ? { kind: 'path', path: pathOf(p.name) } : CRATES_IO
    return {
      id: { name: p.name, version: p.version, source },
      ...(p.checksum ? { checksum: p.checksum } : {}),
      dependencies: p.dependencies
    }
  })
}

export const siblingPath = (dir: string) => (name: string) => join(dir, name === 'root' ? 'root' : name)
