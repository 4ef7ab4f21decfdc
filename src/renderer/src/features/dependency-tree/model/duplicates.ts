/**
 * Packages present in more than one version (or from more than one source, or with other
 * features), as `cargo tree -d` finds them: each is built separately, so they cost build time
 * and size. The same package built for the host and the target alike is not a duplicate. Only
 * packages reachable from the roots count.
 */
import type { GraphIndex } from './graph-index'

export interface DuplicateGroup {
  readonly name: string
  /** The copies (package numbers), oldest first as cargo sorts them; `requirementsOf` tells who wants each. */
  readonly versions: readonly number[]
}

/** What makes two nodes of one name separate builds: version, source and features (not host vs target). */
function buildKey(index: GraphIndex, pkg: number): string {
  const p = index.packages[pkg]!
  return JSON.stringify([p.version, p.source, p.features])
}

export function findDuplicates(index: GraphIndex): DuplicateGroup[] {
  const byName = new Map<string, number[]>()
  for (const pkg of index.reachable) {
    const name = index.packages[pkg]!.name
    const list = byName.get(name)
    if (list) list.push(pkg)
    else byName.set(name, [pkg])
  }
  const groups: DuplicateGroup[] = []
  for (const [name, pkgs] of byName) {
    if (pkgs.length < 2 || new Set(pkgs.map((p) => buildKey(index, p))).size < 2) continue
    pkgs.sort((a, b) => index.rank[a]! - index.rank[b]!)
    groups.push({ name, versions: pkgs })
  }
  return groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The roots of `cargo tree -d`'s inverted tree: every duplicated package, in cargo's order. */
export function duplicateRoots(groups: readonly DuplicateGroup[]): number[] {
  return groups.flatMap((g) => g.versions)
}
