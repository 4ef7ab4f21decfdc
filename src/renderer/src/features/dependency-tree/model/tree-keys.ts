/**
 * The WAI-ARIA tree pattern's keys as data: what a key press does to the focused row. Up/Down
 * move, Right opens or enters, Left closes or goes to the parent, Home/End and PageUp/PageDown
 * jump, Enter/Space select, `*` opens the row's siblings, and typed letters jump to a name.
 */
import type { TreeRow } from './tree-rows'

export type TreeAction =
  | { readonly type: 'focus'; readonly index: number }
  | { readonly type: 'expand'; readonly index: number }
  | { readonly type: 'collapse'; readonly index: number }
  | { readonly type: 'activate'; readonly index: number }
  | { readonly type: 'expand-siblings'; readonly indexes: readonly number[] }

function step(rows: readonly TreeRow[], from: number, by: 1 | -1): number | undefined {
  for (let i = from + by; i >= 0 && i < rows.length; i += by) if (rows[i]?.type === 'package') return i
  return undefined
}

/** The nearest package row at or beyond `index` in direction `by` (then the other way). */
function nearest(rows: readonly TreeRow[], index: number, by: 1 | -1): number | undefined {
  const clamped = Math.min(rows.length - 1, Math.max(0, index))
  if (rows[clamped]?.type === 'package') return clamped
  return step(rows, clamped, by) ?? step(rows, clamped, by === 1 ? -1 : 1)
}

const focusOn = (index: number | undefined): TreeAction | undefined =>
  index === undefined ? undefined : { type: 'focus', index }

/** The action for a key (`KeyboardEvent.key`), or undefined when the tree does not handle it. */
export function keyAction(
  rows: readonly TreeRow[],
  focus: number,
  key: string,
  pageSize: number
): TreeAction | undefined {
  const row = rows[focus]
  if (row?.type !== 'package') {
    const moves = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp', 'PageDown']
    return moves.includes(key) ? focusOn(nearest(rows, 0, 1)) : undefined
  }
  switch (key) {
    case 'ArrowDown':
      return focusOn(step(rows, focus, 1))
    case 'ArrowUp':
      return focusOn(step(rows, focus, -1))
    case 'ArrowRight':
      if (!row.hasChildren) return undefined
      if (!row.expanded) return { type: 'expand', index: focus }
      return focusOn(step(rows, focus, 1))
    case 'ArrowLeft':
      if (row.expanded) return { type: 'collapse', index: focus }
      return row.parent >= 0 ? focusOn(row.parent) : undefined
    case 'Home':
      return focusOn(nearest(rows, 0, 1))
    case 'End':
      return focusOn(nearest(rows, rows.length - 1, -1))
    case 'PageDown':
      return focusOn(nearest(rows, focus + pageSize, -1))
    case 'PageUp':
      return focusOn(nearest(rows, focus - pageSize, 1))
    case 'Enter':
    case ' ':
      return { type: 'activate', index: focus }
    case '*': {
      const indexes: number[] = []
      rows.forEach((r, i) => {
        if (r.type === 'package' && r.parent === row.parent && r.hasChildren && !r.expanded) indexes.push(i)
      })
      return indexes.length ? { type: 'expand-siblings', indexes } : undefined
    }
    default:
      return undefined
  }
}

/**
 * Type-ahead: the next row (after the focused one, wrapping) whose name starts with what was
 * typed. A longer prefix may stay on the focused row ("se" then "ser" keeps serde).
 */
export function typeAhead(
  rows: readonly TreeRow[],
  nameOf: (pkg: number) => string,
  focus: number,
  typed: string
): number | undefined {
  if (rows.length === 0 || typed === '') return undefined
  const prefix = typed.toLowerCase()
  const start = typed.length > 1 ? Math.max(0, focus) : focus + 1
  for (let n = 0; n < rows.length; n++) {
    const i = (((start + n) % rows.length) + rows.length) % rows.length
    const row = rows[i]
    if (row?.type === 'package' && nameOf(row.pkg).toLowerCase().startsWith(prefix)) return i
  }
  return undefined
}

/** Whether a key press is a printable character meant for type-ahead. */
export function isTypeAheadKey(key: string, modifiers: boolean): boolean {
  return !modifiers && key.length === 1 && key !== ' ' && key !== '*'
}
