/**
 * The document's tables as toml_edit holds them: keys in toml_edit's insertion order (a header
 * moves its table to the end of its parent's keys), tables with the position of the header that
 * defines them. That order decides where cargo renders a new table, which `renderSlot` answers.
 */
import type { KeyPath } from '@shared/models/manifest-edit'
import type { KeyValueLayout, SectionLayout } from './layout'
import { splitKeyRaw } from './toml-format'

export interface TableNode {
  readonly kind: 'table'
  readonly children: Map<string, TreeNode>
  /** The defining header's section index; implicit and dotted tables have none. */
  position: number | undefined
  implicit: boolean
  readonly dotted: boolean
  section: SectionLayout | undefined
  keyRaw: string
}

export interface ArrayNode {
  readonly kind: 'array'
  readonly elements: TableNode[]
  readonly keyRaw: string
}

export interface ValueNode {
  readonly kind: 'value'
  readonly kv: KeyValueLayout
}

export type TreeNode = TableNode | ArrayNode | ValueNode

export function table(keyRaw: string, dotted: boolean, implicit: boolean): TableNode {
  return {
    kind: 'table',
    children: new Map(),
    position: undefined,
    implicit,
    dotted,
    section: undefined,
    keyRaw
  }
}

/** Adds a header's table to the tree in toml_edit's map order; returns it with its indexed path. */
export function attachHeader(
  root: TableNode,
  key: readonly string[],
  keyRaws: readonly string[],
  kind: 'table' | 'array'
): { node: TableNode; path: KeyPath } {
  const path: (string | number)[] = []
  let parent = root
  for (let i = 0; i < key.length - 1; i++) {
    const segment = key[i]!
    let child = parent.children.get(segment)
    if (!child) {
      child = table(keyRaws[i] ?? segment, false, true)
      parent.children.set(segment, child)
    }
    path.push(segment)
    if (child.kind === 'array') {
      path.push(child.elements.length - 1)
      parent = child.elements[child.elements.length - 1]!
    } else if (child.kind === 'table') parent = child
    else throw new Error(`TOML key ${segment} is a value and a table`)
  }
  const last = key[key.length - 1]!
  const lastRaw = keyRaws[key.length - 1] ?? last
  path.push(last)
  if (kind === 'array') {
    let array = parent.children.get(last)
    if (!array || array.kind !== 'array') {
      array = { kind: 'array', elements: [], keyRaw: lastRaw }
      parent.children.set(last, array)
    }
    const element = table(lastRaw, false, false)
    path.push(array.elements.length)
    array.elements.push(element)
    return { node: element, path }
  }
  const existing = parent.children.get(last)
  // toml_edit takes an implicit table out when its header starts and puts it back when the
  // header's body ends, so a header moves its table to the end of its parent's keys.
  const node = existing?.kind === 'table' ? existing : table(lastRaw, false, false)
  node.implicit = false
  node.keyRaw = lastRaw
  parent.children.delete(last)
  parent.children.set(last, node)
  return { node, path }
}

export function insertValue(owner: TableNode, kv: KeyValueLayout): void {
  let parent = owner
  const raws = splitKeyRaw(kv.keyRaw)
  for (let i = 0; i < kv.key.length - 1; i++) {
    const segment = kv.key[i]!
    let child = parent.children.get(segment)
    if (!child || child.kind !== 'table') {
      child = table(raws[i] ?? segment, true, true)
      parent.children.set(segment, child)
    }
    parent = child
  }
  parent.children.set(kv.key[kv.key.length - 1]!, { kind: 'value', kv })
}

/** The tree node at a key path (numeric segments index arrays of tables), if any. */
export function nodeAt(root: TableNode, path: KeyPath): TreeNode | undefined {
  let node: TreeNode = root
  for (const segment of path) {
    if (node.kind === 'table' && typeof segment === 'string') {
      const next: TreeNode | undefined = node.children.get(segment)
      if (!next) return undefined
      node = next
    } else if (node.kind === 'array' && typeof segment === 'number') {
      const next: TreeNode | undefined = node.elements[segment]
      if (!next) return undefined
      node = next
    } else return undefined
  }
  return node
}

/**
 * toml_edit renders tables sorted by position; a table without one (new, or implicit) takes the
 * position of the last table visited before it, depth first in key order. Returns the section
 * after whose body a table at `path` renders, counting tables not yet created as appended.
 */
export function renderSlot(root: TableNode, path: readonly string[]): number {
  let attach: TableNode = root
  let target: TableNode | undefined
  for (const segment of path) {
    const child = attach.children.get(segment)
    if (child?.kind === 'table') attach = child
    else if (child?.kind === 'array' && child.elements.length)
      attach = child.elements[child.elements.length - 1]!
    else break
  }
  if (path.length && nodeAt(root, path) === attach) target = attach
  let last = 0
  let found = false
  const visit = (node: TableNode): void => {
    if (found) return
    if (node === target) {
      found = true
      return
    }
    if (!node.dotted && node.position !== undefined) last = node.position
    for (const child of node.children.values()) {
      if (child.kind === 'table') visit(child)
      else if (child.kind === 'array') child.elements.forEach(visit)
      if (found) return
    }
    if (node === attach && !target) found = true
  }
  visit(root)
  return last
}
