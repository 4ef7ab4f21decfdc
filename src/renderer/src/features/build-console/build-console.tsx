/**
 * The build console: progress, then the live log, the build timeline or, for a test run, the
 * test results (tabs), and the diagnostics below them all. It only reads the operation's cache
 * entry; the event subscription is what writes it.
 */
import { useCallback, useMemo, useState } from 'react'
import type { UnitSummary } from '@shared/models/build'
import type { Diagnostic } from '@shared/models/diagnostic'
import { TabList, type TabSpec } from '../../components/tab-list'
import { initialTestRunState, runTotals } from '../test-report/model/test-run-state'
import { TestResultsPanel } from '../test-report/test-results-panel'
import { BuildTimeline } from './build-timeline'
import { ConsoleLog, type ScrollTarget } from './console-log'
import { crateFromDiagnostic, type CrateRef } from './model/diagnostic-groups'
import { DiagnosticsList } from './diagnostics-list'
import { isSummaryDiagnostic, type OperationState } from './operation-state'
import { ProgressSummary } from './progress-summary'
import { unitLabel } from './model/timeline-model'
import { useConsoleView, type ConsoleView } from './use-console-view'
import './build-console.css'

interface Props {
  readonly operation: OperationState
  readonly rootDir: string
}

const TABS: readonly TabSpec<ConsoleView>[] = [
  { id: 'log', label: 'Output' },
  { id: 'timeline', label: 'Timeline' }
]

const NO_TESTS = initialTestRunState()

export function BuildConsole({ operation, rootDir }: Props) {
  const testRun = operation.kind === 'test'
  const [view, setView] = useConsoleView(testRun)
  const tests = operation.tests ?? NO_TESTS
  const failedTests = useMemo(() => runTotals(tests).failed, [tests])
  const tabs = useMemo<readonly TabSpec<ConsoleView>[]>(
    () =>
      testRun
        ? [
            {
              id: 'tests',
              label: 'Tests',
              extra:
                failedTests > 0 ? (
                  <span className="badge console-tab-badge">{failedTests} failed</span>
                ) : undefined
            },
            ...TABS
          ]
        : TABS,
    [testRun, failedTests]
  )
  const [target, setTarget] = useState<ScrollTarget | undefined>()
  const listed = useMemo(
    () => operation.diagnostics.filter((d) => !isSummaryDiagnostic(d)),
    [operation.diagnostics]
  )
  const select = useCallback(
    (diagnosticId: number) => setTarget((t) => ({ diagnosticId, seq: (t?.seq ?? 0) + 1 })),
    []
  )
  // A diagnostic picked in the timeline's details is shown where its full text is: the log.
  const showDiagnostic = useCallback(
    (diagnosticId: number) => {
      setView('log')
      select(diagnosticId)
    },
    [setView, select]
  )
  const crateOf = useCrateOf(operation)
  return (
    <div className="build-console">
      <ProgressSummary operation={operation} />
      <TabList
        tabs={tabs}
        selected={view}
        onSelect={setView}
        idPrefix="console"
        label="Console views"
        className="console-tabs"
        tabClassName="console-tab"
      />
      <div className="console-split">
        {testRun && (
          <div
            className="console-tabpanel"
            role="tabpanel"
            id="console-panel-tests"
            aria-labelledby="console-tab-tests"
            hidden={view !== 'tests'}
          >
            <TestResultsPanel state={tests} />
          </div>
        )}
        <div
          className="console-tabpanel"
          role="tabpanel"
          id="console-panel-log"
          aria-labelledby="console-tab-log"
          hidden={view !== 'log'}
        >
          <ConsoleLog
            lines={operation.lines}
            droppedLines={operation.droppedLines}
            target={target}
            visible={view === 'log'}
          />
        </div>
        <div
          className="console-tabpanel"
          role="tabpanel"
          id="console-panel-timeline"
          aria-labelledby="console-tab-timeline"
          hidden={view !== 'timeline'}
        >
          <BuildTimeline
            operation={operation}
            visible={view === 'timeline'}
            onShowDiagnostic={showDiagnostic}
          />
        </div>
        <DiagnosticsList
          diagnostics={listed}
          errorCount={operation.errorCount}
          warningCount={operation.warningCount}
          rootDir={rootDir}
          selectedId={target?.diagnosticId}
          onSelect={select}
          crateOf={crateOf}
        />
      </div>
    </div>
  )
}

/** Diagnostics are grouped under the unit that reported them, named as the timeline names it. */
function useCrateOf(operation: OperationState): (d: Diagnostic) => CrateRef | undefined {
  const { unitRecords, units } = operation
  const byDiagnostic = useMemo(() => {
    const summaries = new Map<string, UnitSummary>((units ?? []).map((u) => [u.id, u]))
    const map = new Map<number, CrateRef>()
    for (const [unitId, record] of unitRecords) {
      const unit = summaries.get(unitId)
      if (!unit) continue
      const ref = { key: unit.id, label: unitLabel(unit) }
      for (const id of record.diagnosticIds) map.set(id, ref)
    }
    return map
  }, [unitRecords, units])
  return useCallback((d: Diagnostic) => byDiagnostic.get(d.id) ?? crateFromDiagnostic(d), [byDiagnostic])
}
