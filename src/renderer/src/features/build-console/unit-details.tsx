/**
 * The selected unit: why it ran, when, what it waited for, and what it printed. Its
 * diagnostics link to the console, where rustc's full rendering is.
 */
import type { KeyboardEvent } from 'react'
import { formatElapsed } from '@shared/format/status'
import type { UnitSummary } from '@shared/models/build'
import type { Diagnostic } from '@shared/models/diagnostic'
import { AnsiText } from '../../components/ansi-text'
import { STATE_LABELS, unitLabel, type TimelineRow, type UnitState } from './model/timeline-model'

interface Props {
  /** The panel's id: Enter on the timeline moves focus here. */
  readonly id: string
  /** Escape inside the panel: focus goes back to the timeline. */
  readonly onBack: () => void
  readonly row: TimelineRow | undefined
  readonly unitsById: ReadonlyMap<string, UnitSummary>
  readonly stateOf: (unitId: string) => UnitState | undefined
  readonly diagnostics: readonly Diagnostic[]
  readonly onSelectUnit: (unitId: string) => void
  readonly onShowDiagnostic: (diagnosticId: number) => void
}

function reasonText(row: TimelineRow): string {
  if (row.record.reason) return row.record.reason
  if (row.state === 'fresh') return 'Up to date: nothing ran.'
  if (row.state === 'skipped') return 'Not built: something it needs failed.'
  if (row.state === 'queued' || row.state === 'not-started') return 'It has not run.'
  return 'Not reported (a first build, or no change was recorded).'
}

export function UnitDetails(props: Props) {
  const { id, onBack, row, unitsById, stateOf, diagnostics, onSelectUnit, onShowDiagnostic } = props
  // Focusable from script only (tabIndex -1), for Enter on the timeline; Escape goes back.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    e.preventDefault()
    onBack()
  }
  if (!row) {
    return (
      <aside
        id={id}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className="unit-details unit-details-empty"
        aria-label="Unit details"
      >
        <p className="muted">Select a unit to see why it ran and what it printed.</p>
      </aside>
    )
  }
  const { record } = row
  const own = new Set(record.diagnosticIds)
  const shown = diagnostics.filter((d) => own.has(d.id))
  const took = row.start !== undefined && row.end !== undefined ? row.end - row.start : undefined
  return (
    <aside
      id={id}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="unit-details"
      aria-label={`Details of ${row.label}`}
    >
      <h3 className="unit-details-title">
        {row.label}
        {row.unit.forHost && <span className="badge">for the host</span>}
      </h3>
      <dl className="unit-facts">
        <dt>State</dt>
        <dd className={`unit-state state-${row.state}`}>{STATE_LABELS[row.state]}</dd>
        <dt>Why it ran</dt>
        <dd>{reasonText(row)}</dd>
        {record.startedAt !== undefined && (
          <>
            <dt>Started</dt>
            <dd>at {formatElapsed(record.startedAt)}</dd>
          </>
        )}
        {record.metadataAt !== undefined && (
          <>
            <dt>Metadata ready</dt>
            <dd>at {formatElapsed(record.metadataAt)}</dd>
          </>
        )}
        {took !== undefined && record.startedAt !== undefined && (
          <>
            <dt>{row.state === 'running' ? 'Running for' : 'Took'}</dt>
            <dd>{formatElapsed(took)}</dd>
          </>
        )}
        {record.command !== undefined && (
          <>
            <dt>Command</dt>
            <dd>
              {/* It scrolls when long: focusable, so the keyboard can scroll it too. */}
              <code className="unit-command" tabIndex={0}>
                {record.command.replace(/^`|`$/g, '')}
              </code>
            </dd>
          </>
        )}
        <dt>Waits for</dt>
        <dd>
          {row.unit.deps.length === 0 ? (
            'nothing'
          ) : (
            <ul className="unit-deps">
              {row.unit.deps.map((id) => {
                const dep = unitsById.get(id)
                return (
                  <li key={id}>
                    <button type="button" className="link-button" onClick={() => onSelectUnit(id)}>
                      {dep ? unitLabel(dep) : id}
                    </button>
                    <span className="muted"> {STATE_LABELS[stateOf(id) ?? 'queued']}</span>
                  </li>
                )
              })}
            </ul>
          )}
        </dd>
      </dl>
      {shown.length > 0 && (
        <>
          <h4 className="unit-details-heading">Diagnostics</h4>
          <ul className="unit-diagnostics">
            {shown.map((d) => (
              <li key={d.id}>
                <button type="button" className="link-button" onClick={() => onShowDiagnostic(d.id)}>
                  <span className={`level-badge level-${d.level}`}>{d.level}</span> {d.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="unit-details-heading">Output</h4>
      {record.log.length === 0 ? (
        <p className="muted">Nothing printed.</p>
      ) : (
        <pre className="unit-log" role="region" aria-label={`Output of ${row.label}`} tabIndex={0}>
          {record.droppedChars > 0 && (
            <span className="muted">
              … {record.droppedChars} earlier characters not shown{'\n'}
            </span>
          )}
          {record.log.map((entry, i) =>
            entry.kind === 'output' ? (
              <AnsiText key={i} text={entry.text} />
            ) : (
              <span key={i} className={`line-message level-${entry.level}`}>
                <span className="message-level">{entry.level}:</span> {entry.text}
                {'\n'}
              </span>
            )
          )}
        </pre>
      )}
    </aside>
  )
}
