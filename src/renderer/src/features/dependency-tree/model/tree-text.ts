/**
 * The rows as `cargo tree` prints them (`├──`, `│`, `(*)`, `[build-dependencies]`, a blank line
 * between roots): "Copy as text" gives what a person would paste from a terminal, and tests
 * compare it with the real cargo's output.
 */
import type { GraphPackage } from '@shared/models/dependency-tree'
import { cargoSourceLabel } from '@shared/models/dependency-tree'
import type { GraphIndex } from './graph-index'
import type { TreeRow } from './tree-rows'

/** `name v1.2.3 (proc-macro) (source)`, cargo tree's `{p}`. */
export function packageLine(pkg: GraphPackage): string {
  const label = cargoSourceLabel(pkg.source)
  return `${pkg.name} v${pkg.version}${pkg.procMacro ? ' (proc-macro)' : ''}${label ? ` (${label})` : ''}`
}

/** Cargo's guides for the ancestors at levels 2…: `│   ` where the branch goes on, spaces where it ended. */
function guides(rows: readonly TreeRow[], from: number): string {
  const parts: string[] = []
  for (let i = from; i >= 0;) {
    const row = rows[i]
    if (row?.type !== 'package' || row.level < 2) break
    parts.push(row.lastInGroup ? '    ' : '│   ')
    i = row.parent
  }
  return parts.reverse().join('')
}

export function treeText(index: GraphIndex, rows: readonly TreeRow[]): string {
  const lines: string[] = []
  for (const row of rows) {
    if (row.type === 'heading') {
      lines.push(`${guides(rows, row.parent)}[${row.kind}-dependencies]`)
      continue
    }
    const pkg = index.packages[row.pkg]
    if (!pkg) continue
    if (row.level === 1 && lines.length > 0) lines.push('')
    const branch = row.level < 2 ? '' : `${guides(rows, row.parent)}${row.lastInGroup ? '└── ' : '├── '}`
    lines.push(`${branch}${packageLine(pkg)}${row.repeat && row.hasChildren ? ' (*)' : ''}`)
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
