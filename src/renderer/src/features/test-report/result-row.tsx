/**
 * One row of the results tree: a suite with its status and counts, or a test with its outcome.
 * Colour is never the only signal: every status also has a word (for screen readers in the
 * label, on screen in the badge or the counts).
 */
import { memo } from 'react'
import type { TestOutcome } from '@shared/models/build'
import type { SuiteStatus } from './model/test-run-state'
import type { ResultRow, SuiteRow, TestRow } from './model/test-rows'

export const ROW_HEIGHT = 26

const OUTCOME_WORD: Readonly<Record<TestOutcome, string>> = {
  ok: 'passed',
  failed: 'failed',
  ignored: 'ignored'
}

const OUTCOME_MARK: Readonly<Record<TestOutcome, string>> = { ok: '✓', failed: '✗', ignored: '○' }

const STATUS_WORD: Readonly<Record<SuiteStatus, string>> = {
  running: 'running',
  passed: 'passed',
  failed: 'failed',
  crashed: 'crashed',
  cancelled: 'cancelled',
  incomplete: 'did not finish'
}

interface Props {
  readonly id: string
  readonly row: ResultRow
  readonly top: number
  readonly focused: boolean
  readonly onClick: (row: ResultRow) => void
  readonly onToggle: (row: SuiteRow) => void
}

/** The counts a suite row shows: always the passed ones, the others when there are any. */
function shownCounts(row: SuiteRow): readonly string[] {
  const { passed, failed, ignored } = row.counts
  return [
    `${passed} passed`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(ignored > 0 ? [`${ignored} ignored`] : [])
  ]
}

/**
 * The row's name: what it shows, in the order it is in the page (so a speech user can say what
 * they see), then the zero counts the row leaves out.
 */
function suiteLabel(row: SuiteRow): string {
  const { failed, ignored } = row.counts
  const zeros = [...(failed === 0 ? ['0 failed'] : []), ...(ignored === 0 ? ['0 ignored'] : [])]
  return `${row.title}, ${STATUS_WORD[row.status]}: ${[...shownCounts(row), ...zeros].join(', ')}`
}

/** Title, executable and status in the page in the label's order; CSS puts the status first. */
function SuiteCells({
  row,
  onToggle
}: {
  readonly row: SuiteRow
  readonly onToggle: (row: SuiteRow) => void
}) {
  const { passed, failed, ignored } = row.counts
  return (
    <>
      <span
        className="tr-twisty"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation()
          onToggle(row)
        }}
      >
        {row.shown > 0 ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="tr-suite-title">{row.title}</span>{' '}
      {row.binary && <span className="tr-binary muted">({row.binary})</span>}{' '}
      <span className={`tr-status tr-status-${row.status}`}>{STATUS_WORD[row.status]}</span>{' '}
      <span className="tr-counts">
        <span className="tr-count tr-passed">{passed} passed</span>{' '}
        {failed > 0 && <span className="tr-count tr-failed">{failed} failed</span>}{' '}
        {ignored > 0 && <span className="tr-count tr-ignored">{ignored} ignored</span>}
      </span>
    </>
  )
}

function TestCells({ row }: { readonly row: TestRow }) {
  const outcome = row.test.outcome
  return (
    <>
      <span className="tr-indent" />
      <span className={`tr-mark tr-${outcome}`} aria-hidden="true">
        {OUTCOME_MARK[outcome]}
      </span>
      <span className="tr-test-name">{row.test.name}</span>{' '}
      {outcome !== 'ok' && <span className={`badge tr-badge-${outcome}`}>{OUTCOME_WORD[outcome]}</span>}
    </>
  )
}

export const ResultRowView = memo(function ResultRowView({
  id,
  row,
  top,
  focused,
  onClick,
  onToggle
}: Props) {
  const suite = row.type === 'suite'
  return (
    <div
      id={id}
      className={`tr-row${suite ? ' tr-suite' : ''}${focused ? ' is-focused' : ''}`}
      role="treeitem"
      aria-level={suite ? 1 : 2}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={suite && row.shown > 0 ? row.expanded : undefined}
      aria-selected={focused}
      aria-label={suite ? suiteLabel(row) : `${row.test.name}, ${OUTCOME_WORD[row.test.outcome]}`}
      style={{ top, height: ROW_HEIGHT }}
      onClick={() => onClick(row)}
      onDoubleClick={() => suite && onToggle(row)}
    >
      {suite ? <SuiteCells row={row} onToggle={onToggle} /> : <TestCells row={row} />}
    </div>
  )
})
