/**
 * The WAI-ARIA tree pattern's keys for the results tree, as data: Up/Down move, Right opens a
 * suite or enters it, Left closes it or goes back to the suite, Home/End and PageUp/PageDown
 * jump, Enter/Space open or close a suite. Focus is the selection: the details follow it.
 */
import type { ResultRow } from './test-rows'

export type ResultKeyAction =
  | { readonly type: 'focus'; readonly index: number }
  | { readonly type: 'toggle'; readonly index: number; readonly open: boolean }

const focusOn = (rows: readonly ResultRow[], index: number): ResultKeyAction | undefined =>
  rows.length === 0 ? undefined : { type: 'focus', index: Math.min(rows.length - 1, Math.max(0, index)) }

/** The action for a key (`KeyboardEvent.key`), or undefined when the tree does not handle it. */
export function resultKeyAction(
  rows: readonly ResultRow[],
  focus: number,
  key: string,
  pageSize: number
): ResultKeyAction | undefined {
  const row = rows[focus]
  if (!row) return key.startsWith('Arrow') || key === 'Home' || key === 'End' ? focusOn(rows, 0) : undefined
  switch (key) {
    case 'ArrowDown':
      return focus + 1 < rows.length ? focusOn(rows, focus + 1) : undefined
    case 'ArrowUp':
      return focus > 0 ? focusOn(rows, focus - 1) : undefined
    case 'ArrowRight':
      if (row.type !== 'suite' || row.shown === 0) return undefined
      return row.expanded ? focusOn(rows, focus + 1) : { type: 'toggle', index: focus, open: true }
    case 'ArrowLeft':
      if (row.type === 'test') return focusOn(rows, row.parent)
      return row.expanded ? { type: 'toggle', index: focus, open: false } : undefined
    case 'Home':
      return focusOn(rows, 0)
    case 'End':
      return focusOn(rows, rows.length - 1)
    case 'PageDown':
      return focusOn(rows, focus + pageSize)
    case 'PageUp':
      return focusOn(rows, focus - pageSize)
    case 'Enter':
    case ' ':
      return row.type === 'suite' ? { type: 'toggle', index: focus, open: !row.expanded } : undefined
    default:
      return undefined
  }
}

/** The row to focus: the remembered key, else its suite, else the first row. */
export function focusIndex(rows: readonly ResultRow[], key: string | undefined): number {
  if (rows.length === 0) return -1
  if (key !== undefined) {
    const at = rows.findIndex((r) => r.key === key)
    if (at >= 0) return at
    // A test hidden by a filter or a closed suite: fall back to its suite.
    const suite = key.split('\u0000')[1]
    const parent = rows.findIndex((r) => r.type === 'suite' && r.suite === suite)
    if (parent >= 0) return parent
  }
  return 0
}
