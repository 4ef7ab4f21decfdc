/**
 * Which packages of the previous Cargo.lock stay locked (cargo's `register_previous_locks`).
 * Kept packages pin their dependencies to `=version`; everything reachable from a package being
 * updated is only preferred, not pinned, so `update -p serde` may move serde's dependencies when
 * it must. A member whose dependency no longer matches anything locked (an edited manifest)
 * unlocks that dependency's whole source, and the previous versions stay preferred, so edits
 * still update conservatively.
 */
import type { PackageSource, Summary } from '../../sources/summary'
import type { SourceId } from '../../sources/source-id'
import { depMatchesIgnoringSource, type Dep } from './dependency'
import { sourceKey } from './package-keys'
import { packageIdKey, type LockedPackage, type PackageId } from './resolve-types'
import { summaryDeps } from './summary-deps'

export interface LockedEntry {
  readonly id: PackageId
  readonly deps: readonly PackageId[]
}

export interface LockState {
  /** Pinned packages by `sourceKey` + name. */
  readonly pinned: ReadonlyMap<string, readonly LockedEntry[]>
  /** Previous packages to try first (kept by `unlock`), by `packageIdKey`. */
  readonly preferred: ReadonlySet<string>
  /** Yanked versions that may still be used because the lock file has them. */
  readonly yankedAllowed: ReadonlySet<string>
}

export const NO_LOCKS: LockState = { pinned: new Map(), preferred: new Set(), yankedAllowed: new Set() }

export function pinKey(source: SourceId, name: string): string {
  return `${sourceKey(source)}\u0000${name}`
}

/** A Cargo.lock source string without a git commit, to compare with `sourceKey`. */
function lockSourceKey(text: string): string {
  return text.startsWith('git+') ? text.replace(/#.*$/, '') : text
}

/** Lock entries name dependencies as `name`, `name version` or `name version (source)`. */
function resolveDependencyRefs(locked: readonly LockedPackage[]): Map<string, PackageId[]> {
  const byName = new Map<string, PackageId[]>()
  for (const p of locked) byName.set(p.id.name, [...(byName.get(p.id.name) ?? []), p.id])
  const out = new Map<string, PackageId[]>()
  for (const p of locked) {
    const deps: PackageId[] = []
    for (const ref of p.dependencies) {
      const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(ref.trim())
      if (!m) continue
      const found = (byName.get(m[1]!) ?? []).filter(
        (id) =>
          (m[2] === undefined || id.version === m[2]) &&
          (m[3] === undefined || sourceKey(id.source) === lockSourceKey(m[3]))
      )
      if (found.length === 1) deps.push(found[0]!)
    }
    out.set(packageIdKey(p.id), deps)
  }
  return out
}

export interface LockInputs {
  readonly locked: readonly LockedPackage[]
  readonly unlock?: (id: PackageId) => boolean
  readonly roots: readonly Summary[]
  readonly sourceFor: (id: SourceId) => PackageSource
}

async function pathPackage(
  sourceFor: LockInputs['sourceFor'],
  source: SourceId,
  name?: string
): Promise<Summary | undefined> {
  if (source.kind !== 'path') return undefined
  try {
    const found = await sourceFor(source).query(name ?? '')
    return name === undefined ? found[0] : found.find((s) => s.name === name)
  } catch {
    return undefined
  }
}

/** Works out the lock state from the previous lock file, `unlock` and the members' manifests. */
export async function previousLocks(input: LockInputs): Promise<LockState> {
  const { locked, unlock = () => false } = input
  if (locked.length === 0) return NO_LOCKS
  const deps = resolveDependencyRefs(locked)
  const avoidSources = new Set(
    locked
      .filter((p) => unlock(p.id) && p.id.source.kind !== 'registry' && p.id.source.kind !== 'sparse')
      .map((p) => sourceKey(p.id.source))
  )
  const keep = (id: PackageId) => !avoidSources.has(sourceKey(id.source)) && !unlock(id)

  const avoid = new Set<string>()
  const addDeps = (id: PackageId): void => {
    const key = packageIdKey(id)
    if (avoid.has(key)) return
    avoid.add(key)
    for (const d of deps.get(key) ?? []) addDeps(d)
  }
  for (const p of locked) if (!keep(p.id)) addDeps(p.id)

  // Members (and the path packages they reach) whose dependencies changed unlock that source.
  const memberKeys = new Set(input.roots.map((r) => `${r.name}\u0000${sourceKey(r.source)}`))
  const queue: Summary[] = [...input.roots]
  const visited = new Set<string>()
  while (queue.length > 0) {
    const member = queue.pop()!
    const id = `${member.name}\u0000${sourceKey(member.source)}`
    if (visited.has(id)) continue
    visited.add(id)
    const isMember = memberKeys.has(id)
    for (const dep of summaryDeps(member)) {
      if (!isMember && (dep.optional || dep.kind === 'dev')) continue
      const pathPkg = await pathPackage(input.sourceFor, dep.source, dep.packageName)
      if (pathPkg) {
        queue.push(pathPkg)
        continue
      }
      if (locked.some((p) => depMatchesIgnoringSource(dep, p.id))) continue
      for (const p of locked) if (sourceKey(p.id.source) === dep.sourceKey) addDeps(p.id)
    }
  }
  // A path package whose version changed cannot stay pinned to the old one.
  for (const p of locked) {
    if (p.id.source.kind !== 'path') continue
    const now = await pathPackage(input.sourceFor, p.id.source, p.id.name)
    if (now && now.version !== p.id.version) avoid.add(packageIdKey(p.id))
  }

  const pinnedOk = (id: PackageId) => keep(id) && !avoid.has(packageIdKey(id))
  const pinned = new Map<string, LockedEntry[]>()
  for (const p of locked) {
    if (!pinnedOk(p.id)) continue
    const key = pinKey(p.id.source, p.id.name)
    const entry: LockedEntry = { id: p.id, deps: (deps.get(packageIdKey(p.id)) ?? []).filter(pinnedOk) }
    pinned.set(key, [...(pinned.get(key) ?? []), entry])
  }
  const kept = new Set(locked.filter((p) => keep(p.id)).map((p) => packageIdKey(p.id)))
  return { pinned, preferred: kept, yankedAllowed: kept }
}

/** The dependency as locked: a pin from the package's own lock entry, else any pin that matches. */
export function lockDep(
  state: LockState,
  owner: LockedEntry | undefined,
  dep: Dep,
  isPatchOf: (dep: Dep, id: PackageId) => boolean
): { readonly to: PackageId; readonly sameSource: boolean } | undefined {
  if (owner) {
    const hit = owner.deps.find(
      (id) =>
        depMatchesIgnoringSource(dep, id) && (sourceKey(id.source) === dep.sourceKey || isPatchOf(dep, id))
    )
    if (hit) return { to: hit, sameSource: sourceKey(hit.source) === dep.sourceKey }
  }
  const any = state.pinned
    .get(`${dep.sourceKey}\u0000${dep.packageName}`)
    ?.find((e) => depMatchesIgnoringSource(dep, e.id))
  return any ? { to: any.id, sameSource: true } : undefined
}
