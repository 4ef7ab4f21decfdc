/**
 * What a resolution changed in Cargo.lock, as cargo reports it: "Locking N packages to latest
 * compatible versions" and one `Adding`/`Updating`/`Removing` line per package.
 */
import { packageIdKey, type PackageId } from '../engine/resolver/resolve/resolve-types'
import { sourceIdString } from '../engine/sources/source-id'
import type { Terminal } from './terminal'

type Versions = ReadonlyMap<string, readonly string[]>

/** `name (source)` → its versions, for comparing two locks; the members are not counted. */
export function lockedVersions(ids: Iterable<PackageId>, members: readonly string[]): Versions {
  const map = new Map<string, string[]>()
  for (const id of ids) {
    if (members.includes(packageIdKey(id))) continue
    const key = `${id.name}\u0000${sourceIdString(id.source.kind === 'git' ? { ...id.source, precise: undefined } : id.source)}`
    map.set(key, [...(map.get(key) ?? []), id.version])
  }
  return map
}

export function reportLockChanges(term: Terminal, before: Versions, after: Versions, newLock: boolean): void {
  const lines: [string, string][] = []
  for (const [key, versions] of after) {
    const name = key.split('\u0000')[0]!
    const old = before.get(key) ?? []
    if (!newLock && old.length === 1 && versions.length === 1 && old[0] !== versions[0])
      lines.push(['Updating', `${name} v${old[0]} -> v${versions[0]}`])
    else for (const v of versions) if (!newLock && !old.includes(v)) lines.push(['Adding', `${name} v${v}`])
  }
  for (const [key, versions] of before) {
    const name = key.split('\u0000')[0]!
    const now = after.get(key) ?? []
    if (now.length === 1 && versions.length === 1) continue
    for (const v of versions) if (!now.includes(v)) lines.push(['Removing', `${name} v${v}`])
  }
  const count = newLock
    ? [...after.values()].flat().length
    : lines.filter(([verb]) => verb !== 'Removing').length
  term.status(
    'Locking',
    `${count} package${count === 1 ? '' : 's'} to latest compatible version${count === 1 ? '' : 's'}`
  )
  for (const [verb, detail] of lines) term.status(verb, detail)
}
