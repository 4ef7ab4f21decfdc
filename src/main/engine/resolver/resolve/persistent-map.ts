/**
 * An immutable string-keyed map (a hash array mapped trie): `set` returns a new map sharing all
 * but one path with the old. The resolver keeps a snapshot of its state at every backtrack
 * point; with this, a snapshot costs nothing and an update costs a few small array copies,
 * where copying plain Maps made snapshots the bulk of a large resolution.
 */

interface Leaf<V> {
  readonly key: string
  readonly hash: number
  readonly value: V
}
interface Collision<V> {
  readonly hash: number
  readonly leaves: readonly Leaf<V>[]
}
interface Branch<V> {
  readonly bitmap: number
  readonly children: readonly Entry<V>[]
}
type Entry<V> = Leaf<V> | Collision<V> | Branch<V>

const isLeaf = <V>(e: Entry<V>): e is Leaf<V> => 'key' in e
const isCollision = <V>(e: Entry<V>): e is Collision<V> => 'leaves' in e

/** FNV-1a, 32 bits. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0x3f
}

const fragment = (hash: number, shift: number) => (hash >>> shift) & 31

function pair<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Entry<V> {
  if (shift >= 32) return { hash: b.hash, leaves: [...(isCollision(a) ? a.leaves : [a]), b] }
  const fa = fragment(a.hash, shift)
  const fb = fragment(b.hash, shift)
  if (fa === fb) return { bitmap: 1 << fa, children: [pair(a, b, shift + 5)] }
  return { bitmap: (1 << fa) | (1 << fb), children: fa < fb ? [a, b] : [b, a] }
}

/** Returns the new entry and whether a key was added (not replaced). */
function insert<V>(node: Entry<V>, leaf: Leaf<V>, shift: number): [Entry<V>, boolean] {
  if (isLeaf(node)) {
    if (node.key === leaf.key) return [leaf, false]
    return [
      node.hash === leaf.hash ? { hash: leaf.hash, leaves: [node, leaf] } : pair(node, leaf, shift),
      true
    ]
  }
  if (isCollision(node)) {
    if (node.hash !== leaf.hash) return [pair(node, leaf, shift), true]
    const i = node.leaves.findIndex((l) => l.key === leaf.key)
    const leaves = [...node.leaves]
    if (i >= 0) leaves[i] = leaf
    else leaves.push(leaf)
    return [{ hash: node.hash, leaves }, i < 0]
  }
  const bit = 1 << fragment(leaf.hash, shift)
  const index = popcount(node.bitmap & (bit - 1))
  const children = [...node.children]
  if (!(node.bitmap & bit)) {
    children.splice(index, 0, leaf)
    return [{ bitmap: node.bitmap | bit, children }, true]
  }
  const [child, added] = insert(node.children[index]!, leaf, shift + 5)
  children[index] = child
  return [{ bitmap: node.bitmap, children }, added]
}

function* walk<V>(node: Entry<V>): Generator<[string, V]> {
  if (isLeaf(node)) yield [node.key, node.value]
  else if (isCollision(node)) for (const l of node.leaves) yield [l.key, l.value]
  else for (const c of node.children) yield* walk(c)
}

const EMPTY: Branch<never> = { bitmap: 0, children: [] }

export class PersistentMap<V> {
  private constructor(
    private readonly root: Entry<V>,
    readonly size: number
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(EMPTY, 0)
  }

  get(key: string): V | undefined {
    const hash = hashOf(key)
    let node: Entry<V> = this.root
    for (let shift = 0; ; shift += 5) {
      if (isLeaf(node)) return node.key === key ? node.value : undefined
      if (isCollision(node)) return node.leaves.find((l) => l.key === key)?.value
      const bit = 1 << fragment(hash, shift)
      if (!(node.bitmap & bit)) return undefined
      node = node.children[popcount(node.bitmap & (bit - 1))]!
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** A new map with `key` set (values may not be undefined). */
  set(key: string, value: V): PersistentMap<V> {
    const [root, added] = insert(this.root, { key, hash: hashOf(key), value }, 0)
    return new PersistentMap(root, this.size + (added ? 1 : 0))
  }

  entries(): IterableIterator<[string, V]> {
    return walk(this.root)
  }

  values(): IterableIterator<V> {
    const it = walk(this.root)
    return (function* () {
      for (const [, v] of it) yield v
    })()
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries()
  }
}
