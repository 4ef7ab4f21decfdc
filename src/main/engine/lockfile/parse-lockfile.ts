/**
 * Cargo.lock text → the packages it pins, as the resolver takes them (`LockedPackage`), plus
 * what writing it back needs: the detected format (1-4), `[metadata]`, `[patch.unused]`, and
 * each package's dependency edges resolved to package keys.
 */
import { packageIdKey, type LockedPackage } from '../resolver/resolve/resolve-types'
import type { UnusedPatch } from './encode-resolve'
import { linkLock, type PathSourceFor } from './link-lock'
import type { LockVersion } from './lock-version'
import { readLockDocument } from './read-lock-document'

export interface ParseLockfileOptions {
  /**
   * The source of a package the lock lists without `source`: a workspace member or one of
   * their path dependencies, found by walking the workspace. Undefined means it is gone, and
   * cargo then ignores its entry.
   */
  readonly pathSource: PathSourceFor
}

export interface ParsedLockfile {
  /** The format as cargo detects it; keep it to write the lock back unchanged. */
  readonly version: LockVersion
  readonly packages: readonly LockedPackage[]
  /** packageIdKey → the package keys its dependency entries name. */
  readonly edges: ReadonlyMap<string, readonly string[]>
  /** packageIdKey → the `[replace]` target's key (such a package lists no dependencies). */
  readonly replacements: ReadonlyMap<string, string>
  readonly unusedPatches: readonly UnusedPatch[]
  /** `[metadata]` to carry over (format 1's checksum keys already moved onto the packages). */
  readonly metadata: ReadonlyMap<string, string>
}

/** Parses Cargo.lock (`file` names it in errors, which carry the line and a way out). */
export function parseLockfile(text: string, file: string, options: ParseLockfileOptions): ParsedLockfile {
  const linked = linkLock(readLockDocument(text, file), options.pathSource)
  const ids = new Map(linked.packages.map(({ id }) => [packageIdKey(id), id]))
  const packages = linked.packages.map(({ id, doc }): LockedPackage => {
    const key = packageIdKey(id)
    const checksum = linked.checksums.get(key)
    const dependencies = (doc.dependencies ?? []).map((entry) => entry.text)
    const replaceKey = linked.replacements.get(key)
    const replace = replaceKey === undefined ? undefined : ids.get(replaceKey)
    return {
      id,
      ...(checksum === undefined ? {} : { checksum }),
      dependencies,
      ...(replace ? { replace } : {})
    }
  })
  return {
    version: linked.version,
    packages,
    edges: linked.edges,
    replacements: linked.replacements,
    unusedPatches: linked.unusedPatches,
    metadata: linked.metadata
  }
}
