/**
 * What a build reports about Cargo.lock, as cargo's `print_lockfile_changes` does before it
 * compiles: "Locking N packages to latest compatible versions" when the resolve brought in
 * packages, then (for an existing lock) one `Adding`/`Updating`/`Downgrading` line per change.
 * Removals and an unchanged lock print nothing.
 */
import type { StatusVerb } from '@shared/models/build'
import { compareVersions } from '../lockfile/semver-order'
import { packageIdKey, type PackageId } from '../resolver/resolve/resolve-types'
import { encodedSourceIdString, type SourceId } from '../sources/source-id'
import { displayPackage } from './package-display'

export interface LockStatus {
  readonly verb: Extract<StatusVerb, 'Locking' | 'Adding' | 'Updating' | 'Downgrading'>
  readonly detail: string
}

export interface LockReportInput {
  /** What Cargo.lock pinned before; undefined when there was none. */
  readonly previous: readonly PackageId[] | undefined
  readonly current: readonly PackageId[]
  /** `packageIdKey`s of the workspace members, which are never counted. */
  readonly members: readonly string[]
  /** The Rust version the resolve honoured (resolver 3), shown as "latest Rust 1.85 compatible". */
  readonly rustVersion?: string
}

/** `name` + source without a git commit: one lock entry's identity across resolutions. */
function groupKey(id: PackageId): string {
  const source: SourceId = id.source.kind === 'git' ? { ...id.source, precise: undefined } : id.source
  return `${id.name}\u0000${encodedSourceIdString(source)}`
}

const withoutBuild = (v: string) => v.split('+')[0] ?? v

function groupsOf(ids: readonly PackageId[]): Map<string, PackageId[]> {
  const groups = new Map<string, PackageId[]>()
  for (const id of ids) groups.set(groupKey(id), [...(groups.get(groupKey(id)) ?? []), id])
  return groups
}

function change(old: PackageId, now: PackageId): LockStatus {
  const to = now.source.kind === 'git' ? `#${(now.source.precise ?? '').slice(0, 8)}` : `v${now.version}`
  const down = compareVersions(withoutBuild(old.version), withoutBuild(now.version)) > 0
  return { verb: down ? 'Downgrading' : 'Updating', detail: `${displayPackage(old)} -> ${to}` }
}

/** The status lines a build prints for this resolution (none when nothing was added). */
export function lockReport(input: LockReportInput): LockStatus[] {
  const isMember = (id: PackageId) => input.members.includes(packageIdKey(id))
  const lines: LockStatus[] = []
  let count = 0
  if (input.previous === undefined) {
    // A new lock lists every package; cargo names one only to point at a newer version it skipped.
    count = input.current.filter((id) => !isMember(id)).length
  } else {
    const before = groupsOf(input.previous)
    const after = groupsOf(input.current)
    const keys = [...new Set([...before.keys(), ...after.keys()])].sort()
    for (const key of keys) {
      const old = before.get(key) ?? []
      const now = after.get(key) ?? []
      const removed = old.filter((o) => !now.some((n) => packageIdKey(n) === packageIdKey(o)))
      const added = now.filter((n) => !old.some((o) => packageIdKey(o) === packageIdKey(n)))
      const members = added.filter(isMember)
      if (removed.length === 1 && added.length === 1) {
        if (members.length === 0) lines.push(change(removed[0]!, added[0]!))
      } else {
        for (const id of added) if (!isMember(id)) lines.push({ verb: 'Adding', detail: displayPackage(id) })
      }
    }
    count = lines.length
  }
  if (count === 0) return []
  const s = count === 1 ? '' : 's'
  const rust = input.rustVersion === undefined ? '' : ` Rust ${input.rustVersion}`
  return [
    { verb: 'Locking', detail: `${count} package${s} to latest${rust} compatible version${s}` },
    ...lines
  ]
}
