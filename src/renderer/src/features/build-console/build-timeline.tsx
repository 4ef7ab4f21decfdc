/**
 * The live build timeline: one bar per unit on a shared time axis, as a virtualized listbox
 * (only the rows in view are in the DOM, so 400 units cost what 40 do). While the build runs
 * it redraws on a 5 Hz clock rather than on every event; selecting a row shows its details.
 * From the keyboard: arrows, Home/End and PageUp/PageDown select, Enter moves into the details
 * and Escape there comes back, Escape in the list clears the selection.
 */
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent
} from 'react'
import { rowsPerPage, scrollToReveal, visibleRange } from '../dependency-tree/model/virtual-range'
import { useViewport } from '../dependency-tree/use-viewport'
import { isRunning, type OperationState } from './operation-state'
import { TimelineAxis, TimelineLegend } from './timeline-axis'
import { timelineRows, timelineSpan } from './model/timeline-model'
import { TimelineRowView } from './timeline-row'
import { UnitDetails } from './unit-details'
import { useEngineNow } from './use-engine-now'
import './build-timeline.css'

const TIMELINE_ROW_HEIGHT = 24
const OVERSCAN = 10
/** 5 Hz: smooth enough for bars growing by the second, cheap beside rustc. */
const TICK_MS = 200
const ROW_ID_PREFIX = 'timeline-unit'

/** The row a navigation key moves the selection to (from none selected, -1), if it is one. */
function keyTarget(key: string, at: number, last: number, page: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return at < 0 ? 0 : Math.min(last, at + 1)
    case 'ArrowUp':
      return Math.max(0, at - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return Math.min(last, Math.max(0, at) + page)
    case 'PageUp':
      return Math.max(0, at - page)
    default:
      return undefined
  }
}

interface Props {
  readonly operation: OperationState
  /** False while another tab hides it: the clock stops. */
  readonly visible: boolean
  readonly onShowDiagnostic: (diagnosticId: number) => void
}

export function BuildTimeline({ operation, visible, onShowDiagnostic }: Props) {
  const now = useEngineNow(operation.latestAt, isRunning(operation) && visible, TICK_MS)
  return (
    <TimelineView operation={operation} now={now} visible={visible} onShowDiagnostic={onShowDiagnostic} />
  )
}

interface ViewProps extends Props {
  readonly now: number
}

/** While the build runs, a new operation state alone does not redraw: the next tick will. */
function sameFrame(a: ViewProps, b: ViewProps): boolean {
  return (
    a.now === b.now &&
    a.visible === b.visible &&
    a.onShowDiagnostic === b.onShowDiagnostic &&
    (a.operation === b.operation ||
      (isRunning(a.operation) && isRunning(b.operation) && a.operation.units === b.operation.units))
  )
}

const TimelineView = memo(function TimelineView({ operation, now, onShowDiagnostic }: ViewProps) {
  const ended = !isRunning(operation)
  const units = operation.units
  const rows = useMemo(
    () => timelineRows(units ?? [], operation.unitRecords, now, ended, operation.latestAt),
    [units, operation.unitRecords, now, ended, operation.latestAt]
  )
  const span = timelineSpan(rows, now, ended)
  const unitsById = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units])
  const [selectedId, setSelectedId] = useState<string | undefined>()
  const selectedIndex = selectedId === undefined ? -1 : rows.findIndex((r) => r.unit.id === selectedId)
  const selectedRow = rows[selectedIndex]
  const stateOf = useCallback((id: string) => rows.find((r) => r.unit.id === id)?.state, [rows])

  const scroller = useRef<HTMLDivElement>(null)
  const detailsId = useId()
  const [viewport, measure] = useViewport(scroller)
  const reveal = useRef(false)
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el || !reveal.current || selectedIndex < 0) return
    reveal.current = false
    const top = scrollToReveal(
      { scrollTop: el.scrollTop, height: el.clientHeight },
      TIMELINE_ROW_HEIGHT,
      selectedIndex
    )
    if (top === undefined) return
    el.scrollTop = top
    measure()
  })

  const select = useCallback((unitId: string) => {
    reveal.current = true
    setSelectedId(unitId)
  }, [])
  // A unit picked in the details (one it waits for) is selected, and the keyboard is back on the
  // list, where the arrows go on from it.
  const selectFromDetails = useCallback(
    (unitId: string) => {
      select(unitId)
      scroller.current?.focus()
    },
    [select]
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || rows.length === 0) return
    const target = keyTarget(
      e.key,
      selectedIndex,
      rows.length - 1,
      rowsPerPage(viewport, TIMELINE_ROW_HEIGHT)
    )
    if (e.key === 'Escape' && selectedId !== undefined) {
      e.preventDefault()
      setSelectedId(undefined)
      return
    }
    if (e.key === 'Enter' && selectedRow) {
      e.preventDefault()
      document.getElementById(detailsId)?.focus()
      return
    }
    const row = target === undefined ? undefined : rows[target]
    if (!row) return
    e.preventDefault()
    select(row.unit.id)
  }

  if (!units) {
    return (
      <div className="timeline-view">
        <p className="muted timeline-empty">{ended ? 'Nothing was planned.' : 'Planning the build…'}</p>
      </div>
    )
  }

  const { start, end } = visibleRange(viewport, TIMELINE_ROW_HEIGHT, rows.length, OVERSCAN)
  const shown: number[] = []
  for (let i = start; i < end; i++) shown.push(i)
  // The selected row stays in the DOM when scrolled away, so aria-activedescendant names a real element.
  if (selectedIndex >= 0 && (selectedIndex < start || selectedIndex >= end)) shown.push(selectedIndex)
  const rowId = (planIndex: number): string => `${ROW_ID_PREFIX}-${planIndex}`

  return (
    <div className="timeline-view">
      <div className="timeline-main">
        <TimelineLegend />
        <TimelineAxis span={span} />
        <div
          ref={scroller}
          className="timeline-scroller"
          role="listbox"
          aria-label="Build timeline"
          tabIndex={0}
          aria-activedescendant={selectedRow ? rowId(selectedRow.planIndex) : undefined}
          onScroll={measure}
          onKeyDown={onKeyDown}
        >
          <div className="timeline-canvas" style={{ height: rows.length * TIMELINE_ROW_HEIGHT }}>
            {shown.map((i) => {
              const row = rows[i]
              if (!row) return null
              return (
                <TimelineRowView
                  key={row.unit.id}
                  id={rowId(row.planIndex)}
                  row={row}
                  top={i * TIMELINE_ROW_HEIGHT}
                  span={span}
                  position={i + 1}
                  count={rows.length}
                  selected={i === selectedIndex}
                  onSelect={select}
                />
              )
            })}
          </div>
        </div>
      </div>
      <UnitDetails
        id={detailsId}
        onBack={() => scroller.current?.focus()}
        row={selectedRow}
        unitsById={unitsById}
        stateOf={stateOf}
        diagnostics={operation.diagnostics}
        onSelectUnit={selectFromDetails}
        onShowDiagnostic={onShowDiagnostic}
      />
    </div>
  )
}, sameFrame)
