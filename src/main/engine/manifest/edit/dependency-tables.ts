/** The dependency tables of a manifest, found as cargo's `toml_mut` finds them. */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { cstValue } from './cst-values'
import type { DocumentLayout, TableNode, TreeNode } from './layout'

const KIND_KEYS = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' } as const

export function dependencyTablePath(table: DependencyTable): string[] {
  const kind = KIND_KEYS[table.kind]
  return table.target === undefined ? [kind] : ['target', table.target, kind]
}

/** How cargo names a table in its messages: `dev-dependencies`, `dependencies for target `cfg(unix)``. */
export function describeDependencyTable(table: DependencyTable): string {
  const kind = KIND_KEYS[table.kind]
  return table.target === undefined ? kind : `${kind} for target \`${table.target}\``
}

/** A tree node as plain data (tables as null-prototype objects). */
export function nodeValue(node: TreeNode): unknown {
  if (node.kind === 'value') return cstValue(node.kv.value)
  if (node.kind === 'array') return node.elements.map(nodeValue)
  const out = Object.create(null) as Record<string, unknown>
  for (const [key, child] of node.children) out[key] = nodeValue(child)
  return out
}

function isTableLike(node: TreeNode | undefined): boolean {
  return node?.kind === 'table' || (node?.kind === 'value' && node.kv.value.type === 'InlineTable')
}

export interface FoundTable {
  readonly table: DependencyTable
  readonly node: TreeNode
}

/** Every dependency table present, in cargo's order: each kind, then its `target.*` forms. */
export function dependencyTables(layout: DocumentLayout): FoundTable[] {
  const root = layout.root
  const found: FoundTable[] = []
  const targets = root.children.get('target')
  for (const kind of ['normal', 'dev', 'build'] as const) {
    const node = root.children.get(KIND_KEYS[kind])
    if (node && isTableLike(node)) found.push({ table: { kind }, node })
    if (targets?.kind !== 'table') continue
    for (const [target, platform] of targets.children) {
      const child = platform.kind === 'table' ? platform.children.get(KIND_KEYS[kind]) : undefined
      if (child && isTableLike(child)) found.push({ table: { kind, target }, node: child })
    }
  }
  return found
}

/** The value of entry `key` in a dependency table node, when it is there. */
export function entryOf(node: TreeNode, key: string): TreeNode | undefined {
  return node.kind === 'table' ? node.children.get(key) : undefined
}

/** The features table when it is a real table (cargo ignores an inline `features = {…}`). */
export function featuresTable(layout: DocumentLayout): TableNode | undefined {
  const node = layout.root.children.get('features')
  return node?.kind === 'table' ? node : undefined
}
