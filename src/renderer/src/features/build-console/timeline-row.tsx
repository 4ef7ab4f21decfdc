/**
 * One unit on the timeline: its label, and a bar from start to end on the shared time axis.
 * The part after the metadata was ready is hatched: a dependent that starts inside it ran
 * pipelined beside this unit. The bar is decoration; the row's label is its text alternative.
 */
import { memo } from 'react'
import type { TimelineRow } from './model/timeline-model'

interface Props {
  readonly id: string
  readonly row: TimelineRow
  readonly top: number
  readonly span: number
  readonly position: number
  readonly count: number
  readonly selected: boolean
  readonly onSelect: (unitId: string) => void
}

function percent(ms: number, span: number): string {
  return `${Math.min(100, Math.max(0, (ms / span) * 100))}%`
}

export const TimelineRowView = memo(function TimelineRowView({
  id,
  row,
  top,
  span,
  position,
  count,
  selected,
  onSelect
}: Props) {
  const { start, end, metadata } = row
  const width = start !== undefined && end !== undefined ? end - start : undefined
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={row.description}
      aria-posinset={position}
      aria-setsize={count}
      title={row.description}
      data-state={row.state}
      className={`timeline-row state-${row.state}${selected ? ' is-selected' : ''}`}
      style={{ top }}
      onClick={() => onSelect(row.unit.id)}
    >
      <span className="timeline-label">
        <span className="timeline-name">{row.label}</span>{' '}
        {row.unit.forHost && <span className="timeline-host">host</span>}
      </span>
      <span className="timeline-track" aria-hidden="true">
        {start !== undefined && width !== undefined ? (
          <span className="timeline-bar" style={{ left: percent(start, span), width: percent(width, span) }}>
            {metadata !== undefined && width > 0 && metadata < (end ?? metadata) && (
              <span
                className="timeline-after-metadata"
                style={{ left: `${Math.max(0, ((metadata - start) / width) * 100)}%` }}
              />
            )}
          </span>
        ) : (
          <span className="timeline-pending">{row.state === 'queued' ? 'queued' : 'not started'}</span>
        )}
      </span>
    </div>
  )
})
