/**
 * The suites and their tests as a virtualized ARIA tree: only the rows in view (and the focused
 * one) are in the DOM. The tree keeps DOM focus and points at the focused row with
 * `aria-activedescendant`; the focused test is the selected one whose output the details show.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import { rowsPerPage, scrollToReveal, visibleRange } from '../dependency-tree/model/virtual-range'
import { useViewport } from '../dependency-tree/use-viewport'
import { resultKeyAction } from './model/result-keys'
import type { ResultRow, SuiteRow } from './model/test-rows'
import { ROW_HEIGHT, ResultRowView } from './result-row'

const OVERSCAN = 8

interface Props {
  /** The tree element's id, and the prefix of its rows' ids. */
  readonly id: string
  readonly rows: readonly ResultRow[]
  readonly focus: number
  readonly onFocusRow: (key: string) => void
  readonly onToggle: (key: string, open: boolean) => void
}

export function ResultTree({ id, rows, focus, onFocusRow, onToggle }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, measure] = useViewport(scroller)
  const scrollToFocus = useRef(false)

  // After a key press the focused row must be in view.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el || !scrollToFocus.current) return
    scrollToFocus.current = false
    const top = scrollToReveal({ scrollTop: el.scrollTop, height: el.clientHeight }, ROW_HEIGHT, focus)
    if (top === undefined) return
    el.scrollTop = top
    measure()
  })

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const action = resultKeyAction(rows, focus, e.key, rowsPerPage(viewport, ROW_HEIGHT))
    if (!action) return
    e.preventDefault()
    scrollToFocus.current = true
    const row = rows[action.index]
    if (!row) return
    if (action.type === 'focus') onFocusRow(row.key)
    else onToggle(row.key, action.open)
  }

  const toggle = (row: SuiteRow): void => onToggle(row.key, !row.expanded)
  const click = (row: ResultRow): void => onFocusRow(row.key)

  const { start, end } = visibleRange(viewport, ROW_HEIGHT, rows.length, OVERSCAN)
  const shown: number[] = []
  for (let i = start; i < end; i++) shown.push(i)
  // The focused row stays in the DOM even when scrolled away, so aria-activedescendant names a real element.
  if (focus >= 0 && focus < rows.length && (focus < start || focus >= end)) shown.push(focus)
  const rowId = (index: number): string => `${id}-row-${index}`

  return (
    <div
      ref={scroller}
      id={id}
      className="tr-tree"
      role="tree"
      aria-label="Test results"
      tabIndex={0}
      aria-activedescendant={focus >= 0 && rows[focus] ? rowId(focus) : undefined}
      onKeyDown={onKeyDown}
      onScroll={measure}
    >
      <div className="tr-tree-canvas" role="none" style={{ height: rows.length * ROW_HEIGHT }}>
        {shown.map((i) => {
          const row = rows[i]!
          return (
            <ResultRowView
              key={row.key}
              id={rowId(i)}
              row={row}
              top={i * ROW_HEIGHT}
              focused={i === focus}
              onClick={click}
              onToggle={toggle}
            />
          )
        })}
      </div>
    </div>
  )
}
