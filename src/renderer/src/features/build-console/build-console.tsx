/**
 * The build console: progress, the live log, and the diagnostics beside it. It only reads the
 * operation's cache entry; the event subscription is what writes it.
 */
import { useCallback, useMemo, useState } from 'react'
import { ConsoleLog, type ScrollTarget } from './console-log'
import { DiagnosticsList } from './diagnostics-list'
import { isSummaryDiagnostic, type OperationState } from './operation-state'
import { ProgressSummary } from './progress-summary'
import './build-console.css'

interface Props {
  readonly operation: OperationState
  readonly rootDir: string
}

export function BuildConsole({ operation, rootDir }: Props) {
  const [target, setTarget] = useState<ScrollTarget | undefined>()
  const listed = useMemo(
    () => operation.diagnostics.filter((d) => !isSummaryDiagnostic(d)),
    [operation.diagnostics]
  )
  const select = useCallback(
    (diagnosticId: number) => setTarget((t) => ({ diagnosticId, seq: (t?.seq ?? 0) + 1 })),
    []
  )
  return (
    <div className="build-console">
      <ProgressSummary operation={operation} />
      <div className="console-split">
        <ConsoleLog lines={operation.lines} droppedLines={operation.droppedLines} target={target} />
        <DiagnosticsList
          diagnostics={listed}
          errorCount={operation.errorCount}
          warningCount={operation.warningCount}
          rootDir={rootDir}
          selectedId={target?.diagnosticId}
          onSelect={select}
        />
      </div>
    </div>
  )
}
