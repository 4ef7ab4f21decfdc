/**
 * Why candidates were rejected, and cargo's cache of it (`conflict_cache.rs`). A `ConflictMap`
 * says "this dependency cannot be resolved while all these packages are active"; the cache keeps
 * every such set ever found, per dependency, in a trie ordered by activation slot, so the
 * resolver can skip work it already knows will fail and backjump past it.
 */
import type { Dep } from './dependency'

export type ConflictReason =
  | { readonly type: 'semver' }
  | { readonly type: 'links'; readonly links: string }
  | { readonly type: 'missing-feature'; readonly feature: string }
  | { readonly type: 'required-dependency-as-feature'; readonly feature: string }
  | { readonly type: 'non-implicit-dependency-as-feature'; readonly feature: string }

/** Package key → why it is in the way. */
export type ConflictMap = Map<string, ConflictReason>

/** Looks up whether a package (by key) is active, and since when. */
export type ActiveAge = (key: string) => number | undefined

interface TrieNode {
  readonly type: 'node'
  /** Children by package key, kept in insertion order. */
  readonly children: Map<string, Trie>
}
/** A leaf holds one stored set. */
type Trie = TrieNode | { readonly type: 'leaf'; readonly leaf: ConflictMap }

function find(
  trie: Trie,
  active: ActiveAge,
  mustContain: string | undefined,
  maxAge: number
): { con: ConflictMap; age: number } | undefined {
  if (trie.type === 'leaf') return mustContain === undefined ? { con: trie.leaf, age: 0 } : undefined
  let out: { con: ConflictMap; age: number } | undefined
  for (const [pid, sub] of trie.children) {
    const ageThis = active(pid)
    if (ageThis === undefined) continue
    if (ageThis >= maxAge && mustContain !== pid) continue
    const found = find(sub, active, mustContain === pid ? undefined : mustContain, maxAge)
    if (!found) continue
    const age = mustContain === pid ? found.age : Math.max(ageThis, found.age)
    if (maxAge > age) {
      out = { con: found.con, age }
      maxAge = age
    }
  }
  return out
}

function insert(trie: TrieNode, keys: readonly string[], at: number, con: ConflictMap): Trie {
  if (at === keys.length) return { type: 'leaf', leaf: con }
  const key = keys[at]!
  const child = trie.children.get(key)
  if (child?.type === 'leaf') return trie // a subset of this set is already stored
  const node: TrieNode = child ?? { type: 'node', children: new Map() }
  trie.children.set(key, insert(node, keys, at + 1, con))
  return trie
}

export class ConflictCache {
  private readonly byDep = new Map<string, Trie>()
  private readonly depsByPackage = new Map<string, Set<string>>()

  constructor(
    /** Orders package keys as cargo's activation slots do. */
    private readonly order: (a: string, b: string) => number
  ) {}

  /** A stored conflict for `dep` whose packages are all active, preferring the oldest one. */
  find(
    dep: Dep,
    active: ActiveAge,
    mustContain: string | undefined,
    maxAge: number
  ): ConflictMap | undefined {
    const trie = this.byDep.get(dep.key)
    return trie ? find(trie, active, mustContain, maxAge)?.con : undefined
  }

  findConflicting(dep: Dep, active: ActiveAge, mustContain?: string): ConflictMap | undefined {
    return this.find(dep, active, mustContain, Number.MAX_SAFE_INTEGER)
  }

  /** Remembers: `dep` cannot be resolved while every package of `con` is active. */
  insert(dep: Dep, con: ConflictMap): void {
    const keys = [...con.keys()].sort(this.order)
    const trie: Trie = this.byDep.get(dep.key) ?? { type: 'node', children: new Map<string, Trie>() }
    this.byDep.set(dep.key, trie.type === 'leaf' ? trie : insert(trie, keys, 0, con))
    for (const k of keys) {
      let deps = this.depsByPackage.get(k)
      if (!deps) this.depsByPackage.set(k, (deps = new Set()))
      deps.add(dep.key)
    }
  }

  /** Keys of the dependencies some stored conflict mentions `pkg` for. */
  dependenciesConflictingWith(pkg: string): ReadonlySet<string> | undefined {
    return this.depsByPackage.get(pkg)
  }
}
