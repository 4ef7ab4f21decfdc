/**
 * A package that Cargo.lock pinned with one checksum must come back with the same one: a
 * different checksum means a corrupt lock file, a mirror that is not a mirror, or a changed
 * source (cargo's `Resolve::merge_from`).
 */
import { EngineError } from '../../errors'
import { displayPackageId } from './package-keys'
import { packageIdKey, type LockedPackage, type ReplacedPackage, type ResolvedPackage } from './resolve-types'

/** `replaced`: packages `[replace]` swapped, which the lock still records with their checksum. */
export function checkChecksums(
  packages: ReadonlyMap<string, ResolvedPackage>,
  locked: readonly LockedPackage[],
  replaced: ReadonlyMap<string, ReplacedPackage> = new Map()
): void {
  for (const previous of locked) {
    const key = packageIdKey(previous.id)
    const now = packages.get(key)?.summary.checksum ?? replaced.get(key)?.checksum
    if (previous.checksum === undefined || now === undefined || now === previous.checksum) continue
    const id = displayPackageId(previous.id)
    throw new EngineError(
      'conflict',
      `checksum for \`${id}\` changed between lock files\n\n` +
        'this could be indicative of a few possible errors:\n\n' +
        '    * the lock file is corrupt\n' +
        '    * a replacement source in use (e.g., a mirror) returned a different checksum\n' +
        '    * the source itself may be corrupt in one way or another\n\n' +
        `unable to verify that \`${id}\` is the same as when the lockfile was generated`,
      { hint: 'If the source is trusted, remove this package’s entry from Cargo.lock and resolve again.' }
    )
  }
}
