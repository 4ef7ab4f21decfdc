/**
 * `update -p NAME --precise VERSION`: the lock is kept, except that NAME is pinned to VERSION
 * (a registry version, or a commit for a git package), and the resolve must then use it.
 */
import { EngineError } from '../errors'
import type { LockedPackage, Resolve } from '../resolver/resolve/resolve-types'

export interface PreciseUpdate {
  readonly name: string
  readonly version: string
}

/** The lock with NAME moved to the precise version; its old checksum no longer applies. */
export function withPrecise(locked: readonly LockedPackage[], precise: PreciseUpdate): LockedPackage[] {
  const matches = locked.filter((p) => p.id.name === precise.name)
  if (matches.length === 0)
    throw new EngineError(
      'not-found',
      `package ID specification \`${precise.name}\` did not match any packages`,
      {
        hint: 'Name a package that is in Cargo.lock.'
      }
    )
  if (matches.length > 1)
    throw new EngineError('invalid-input', `There are multiple \`${precise.name}\` packages in Cargo.lock.`, {
      hint: `Give the version too: \`-p ${precise.name}@${matches[0]!.id.version}\`.`
    })
  return locked.map((p) => {
    if (p.id.name !== precise.name) return p
    const source = p.id.source
    return source.kind === 'git'
      ? { id: { ...p.id, source: { ...source, precise: precise.version } }, dependencies: p.dependencies }
      : { id: { ...p.id, version: precise.version }, dependencies: p.dependencies }
  })
}

/** Fails when the resolve did not take the precise version (it does not meet a requirement). */
export function checkPrecise(resolve: Resolve, precise: PreciseUpdate): void {
  const chosen = [...resolve.packages.values()].filter((p) => p.id.name === precise.name)
  const took = chosen.some((p) =>
    p.id.source.kind === 'git'
      ? p.id.source.precise?.startsWith(precise.version)
      : p.id.version === precise.version
  )
  if (!took)
    throw new EngineError(
      'conflict',
      `failed to select a version for the requirement of \`${precise.name}\`: ${precise.version} does not satisfy what depends on it (resolved ${chosen.map((p) => p.id.version).join(', ') || 'nothing'}).`,
      {
        hint: 'Pick a version every requirement accepts; `crate-studio tree -i NAME` shows who requires what.'
      }
    )
}
