/** The timeline's time axis and its colour legend: what a sighted reader needs to read the bars. */
import { axisTicks, formatTick } from './model/timeline-model'

const MAX_TICKS = 8

export function TimelineAxis({ span }: { readonly span: number }) {
  return (
    <div className="timeline-axis" aria-hidden="true">
      <span className="timeline-label" />
      <span className="timeline-track">
        {axisTicks(span, MAX_TICKS).map((t) => (
          <span key={t} className="timeline-tick" style={{ left: `${(t / span) * 100}%` }}>
            {formatTick(t)}
          </span>
        ))}
      </span>
    </div>
  )
}

const LEGEND: readonly { readonly className: string; readonly label: string }[] = [
  { className: 'state-queued', label: 'queued' },
  { className: 'state-running', label: 'running' },
  { className: 'state-done', label: 'done' },
  { className: 'state-fresh', label: 'fresh' },
  { className: 'state-failed', label: 'failed' },
  { className: 'state-skipped', label: 'skipped' },
  { className: 'state-cancelled', label: 'cancelled' },
  { className: 'state-done is-metadata', label: 'after metadata (dependents may start)' }
]

export function TimelineLegend() {
  return (
    <ul className="timeline-legend" aria-label="Timeline legend">
      {LEGEND.map(({ className, label }) => (
        <li key={label}>
          <span className={`timeline-swatch ${className}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  )
}
