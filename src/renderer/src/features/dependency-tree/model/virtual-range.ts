/**
 * Windowing arithmetic for rows of one fixed height: which rows to put in the DOM for a scroll
 * position, and where to scroll so a row is fully in view. Fixed heights make this exact, so
 * the list needs no measuring library.
 */

export interface Viewport {
  readonly scrollTop: number
  readonly height: number
}

/** Rows [start, end) that intersect the viewport, widened by `overscan` rows on each side. */
export function visibleRange(
  viewport: Viewport,
  rowHeight: number,
  count: number,
  overscan: number
): { readonly start: number; readonly end: number } {
  const first = Math.floor(Math.max(0, viewport.scrollTop) / rowHeight)
  const last = Math.ceil((Math.max(0, viewport.scrollTop) + viewport.height) / rowHeight)
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) }
}

/** The scrollTop that brings row `index` fully into view, or undefined when it already is. */
export function scrollToReveal(viewport: Viewport, rowHeight: number, index: number): number | undefined {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < viewport.scrollTop) return top
  if (bottom > viewport.scrollTop + viewport.height) return Math.max(0, bottom - viewport.height)
  return undefined
}

/** How many whole rows fit: the step of PageUp/PageDown. */
export function rowsPerPage(viewport: Viewport, rowHeight: number): number {
  return Math.max(1, Math.floor(viewport.height / rowHeight))
}
