/**
 * A virtualized ARIA tree: only the rows in view (and the focused one) are in the DOM, each at
 * its fixed-height slot. The list keeps DOM focus and points at the focused row with
 * `aria-activedescendant`, so a row scrolled out and removed never takes focus with it.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { GraphIndex } from './model/graph-index'
import type { SearchQuery } from './model/search'
import { isTypeAheadKey, keyAction, typeAhead } from './model/tree-keys'
import { isPackageRow, type PackageRow, type TreeRow } from './model/tree-rows'
import { rowsPerPage, scrollToReveal, visibleRange } from './model/virtual-range'
import { TreeRowView } from './tree-row'
import { useViewport } from './use-viewport'

export const ROW_HEIGHT = 28
const OVERSCAN = 8
const TYPE_AHEAD_MS = 700

/** Ask the list to bring a row into view (a new `seq` each time). */
export interface ScrollRequest {
  readonly key: string
  readonly seq: number
}

interface Props {
  /** The tree element's id, and the prefix of its rows' ids. */
  readonly id: string
  readonly label: string
  readonly index: GraphIndex
  readonly rows: readonly TreeRow[]
  readonly focusKey: string | undefined
  readonly selectedKey: string | undefined
  readonly query: SearchQuery | undefined
  readonly scrollRequest: ScrollRequest | undefined
  readonly onFocusRow: (key: string) => void
  readonly onActivate: (row: PackageRow) => void
  readonly onToggle: (keys: readonly string[], open: boolean) => void
}

/** The focused row's index: the remembered key, else its closest shown ancestor, else the first row. */
function focusIndexOf(
  rows: readonly TreeRow[],
  byKey: ReadonlyMap<string, number>,
  key: string | undefined
): number {
  for (let k = key; k; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : undefined) {
    const i = byKey.get(k)
    if (i !== undefined) return i
  }
  return rows.findIndex(isPackageRow)
}

export function TreeList(props: Props) {
  const { rows, index, onFocusRow, onActivate, onToggle } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, measure] = useViewport(scroller)
  const typed = useRef({ text: '', at: 0 })
  const scrollToFocus = useRef(false)

  const byKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows])
  const focus = focusIndexOf(rows, byKey, props.focusKey)
  const focusRow = rows[focus]
  const toggleRow = useCallback((row: PackageRow) => onToggle([row.key], !row.expanded), [onToggle])

  // After a key press (or a request from outside) the focused row must be in view.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el || !scrollToFocus.current) return
    scrollToFocus.current = false
    const top = scrollToReveal({ scrollTop: el.scrollTop, height: el.clientHeight }, ROW_HEIGHT, focus)
    if (top === undefined) return
    el.scrollTop = top
    measure() // render the rows now in view before paint, not a frame later on the scroll event
  })

  const request = props.scrollRequest
  const handled = useRef<number | undefined>(undefined)
  useLayoutEffect(() => {
    const el = scroller.current
    const at = request && byKey.get(request.key)
    if (!el || !request || at === undefined || handled.current === request.seq) return
    handled.current = request.seq
    // Centred: a row revealed from elsewhere is easier to spot mid-list than at an edge.
    if (scrollToReveal({ scrollTop: el.scrollTop, height: el.clientHeight }, ROW_HEIGHT, at) === undefined)
      return
    el.scrollTop = Math.max(0, at * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT / 2)
    measure()
  }, [request, byKey, measure])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const modifiers = e.ctrlKey || e.metaKey || e.altKey
    if (isTypeAheadKey(e.key, modifiers)) {
      const now = Date.now()
      const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + e.key : e.key
      typed.current = { text, at: now }
      const found = typeAhead(rows, (pkg) => index.packages[pkg]?.name ?? '', focus, text)
      const row = found === undefined ? undefined : rows[found]
      if (row) {
        e.preventDefault()
        scrollToFocus.current = true
        onFocusRow(row.key)
      }
      return
    }
    if (modifiers) return
    const action = keyAction(rows, focus, e.key, rowsPerPage(viewport, ROW_HEIGHT))
    if (!action) return
    e.preventDefault()
    scrollToFocus.current = true
    switch (action.type) {
      case 'focus': {
        const row = rows[action.index]
        if (row) onFocusRow(row.key)
        break
      }
      case 'expand':
      case 'collapse': {
        const row = rows[action.index]
        if (row) onToggle([row.key], action.type === 'expand')
        break
      }
      case 'activate': {
        const row = rows[action.index]
        if (isPackageRow(row)) onActivate(row)
        break
      }
      case 'expand-siblings':
        onToggle(
          action.indexes.flatMap((i) => rows[i]?.key ?? []),
          true
        )
        break
    }
  }

  const { start, end } = visibleRange(viewport, ROW_HEIGHT, rows.length, OVERSCAN)
  const shown: number[] = []
  for (let i = start; i < end; i++) shown.push(i)
  // The focused row stays in the DOM even when scrolled away, so aria-activedescendant names a real element.
  if (focus >= 0 && (focus < start || focus >= end)) shown.push(focus)
  const rowId = (key: string): string => `${props.id}-${key}`

  return (
    <div
      ref={scroller}
      id={props.id}
      className="dt-tree"
      role="tree"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={focusRow ? rowId(focusRow.key) : undefined}
      onKeyDown={onKeyDown}
      onScroll={measure}
    >
      <div className="dt-tree-canvas" role="none" style={{ height: rows.length * ROW_HEIGHT }}>
        {shown.map((i) => {
          const row = rows[i]!
          return (
            <TreeRowView
              key={row.key}
              id={rowId(row.key)}
              row={row}
              top={i * ROW_HEIGHT}
              index={index}
              focused={i === focus}
              selected={row.key === props.selectedKey}
              query={props.query}
              onClick={onActivate}
              onToggle={toggleRow}
            />
          )
        })}
      </div>
    </div>
  )
}
