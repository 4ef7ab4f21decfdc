/**
 * The Test results panel: every harness of a `test` run with its counts, its tests under it,
 * a "failed only" filter and a search, and the selected test's output beside the tree. It only
 * reads a `TestRunState`; whoever receives the operation's events folds them into it.
 */
import { useCallback, useId, useMemo, useState } from 'react'
import { focusIndex } from './model/result-keys'
import { resultRows } from './model/test-rows'
import { runTotals, type TestRunState } from './model/test-run-state'
import { ResultTree } from './result-tree'
import { TestDetails } from './test-details'
import './test-results.css'

interface Props {
  readonly state: TestRunState
}

function outcomeText(state: TestRunState, failed: number): { readonly text: string; readonly tone: string } {
  const finished = state.finished
  if (!finished) return { text: 'Running tests…', tone: 'running' }
  if (finished.cancelled) return { text: 'Cancelled', tone: 'muted' }
  if (failed > 0) return { text: `${failed} failed`, tone: 'bad' }
  if (!finished.success) return { text: 'Tests did not finish', tone: 'bad' }
  return { text: state.suites.length > 0 ? 'All tests passed' : 'No tests ran', tone: 'ok' }
}

export function TestResultsPanel({ state }: Props) {
  const id = useId()
  const [failedOnly, setFailedOnly] = useState(false)
  const [query, setQuery] = useState('')
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const [focusKey, setFocusKey] = useState<string | undefined>()

  const rows = useMemo(
    () => resultRows(state, { failedOnly, query, collapsed }),
    [state, failedOnly, query, collapsed]
  )
  const focus = focusIndex(rows, focusKey)
  const focused = rows[focus]
  const totals = useMemo(() => runTotals(state), [state])
  const outcome = outcomeText(state, totals.failed)

  const toggle = useCallback((key: string, open: boolean) => {
    setCollapsed((old) => {
      const next = new Set(old)
      if (open) next.delete(key)
      else next.add(key)
      return next
    })
    setFocusKey(key)
  }, [])

  return (
    <section className="test-results" aria-label="Test results">
      <header className="tr-header">
        <span className={`tr-outcome tr-tone-${outcome.tone}`} role="status">
          {outcome.text}
        </span>
        <span className="tr-totals">
          <span className="tr-count tr-passed">{totals.passed} passed</span>
          <span className={`tr-count${totals.failed > 0 ? ' tr-failed' : ''}`}>{totals.failed} failed</span>
          <span className="tr-count tr-ignored">{totals.ignored} ignored</span>
        </span>
      </header>
      <div className="tr-toolbar" role="toolbar" aria-label="Filter tests">
        <input
          type="search"
          className="tr-search"
          placeholder="Find a test"
          aria-label="Find a test"
          aria-controls={`${id}-tree`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="tr-check">
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} />
          Failed only
        </label>
      </div>
      <div className="tr-body">
        {rows.length > 0 ? (
          <ResultTree
            id={`${id}-tree`}
            rows={rows}
            focus={focus}
            onFocusRow={setFocusKey}
            onToggle={toggle}
          />
        ) : (
          <p className="muted tr-empty">
            {state.suites.length === 0
              ? state.finished
                ? 'No test harness ran.'
                : 'Waiting for the first test…'
              : 'No test matches.'}
          </p>
        )}
        <TestDetails row={focused?.type === 'test' ? focused : undefined} />
      </div>
    </section>
  )
}
