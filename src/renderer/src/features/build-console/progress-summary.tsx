/**
 * Where the operation stands: N/M crates, a bar, the elapsed time, an estimate of the time
 * left (see build-estimate.ts for how it is guessed), and how it ended.
 */
import { formatElapsed } from '@shared/format/status'
import { useNow } from '../../lib/use-now'
import { estimateRemainingMs, formatRemaining } from './model/build-estimate'
import type { OperationState } from './operation-state'
import { useEngineNow } from './use-engine-now'

/** Every unit of the plan finished and none failed: what follows is the program or the tests. */
function built(op: OperationState): boolean {
  return op.units !== undefined && op.finishedUnits >= op.units.length && op.failedUnits === 0
}

function outcome(op: OperationState): {
  readonly text: string
  readonly tone: 'running' | 'ok' | 'bad' | 'muted'
} {
  const kind = op.kind ?? 'build'
  const result = op.result
  if (!result) {
    const after = kind === 'run' ? 'Running…' : kind === 'test' ? 'Testing…' : 'Building…'
    return { text: built(op) ? after : 'Building…', tone: 'running' }
  }
  if (result.error?.code === 'cancelled') return { text: 'Cancelled', tone: 'muted' }
  if (!result.success) {
    // A test run fails in its build or, once every harness built, in its tests.
    const noun = kind === 'run' ? 'Run' : kind === 'test' && built(op) ? 'Tests' : 'Build'
    return { text: `${noun} failed${result.error ? `: ${result.error.message}` : ''}`, tone: 'bad' }
  }
  const done = { build: 'Build succeeded', run: 'Run finished', test: 'Tests passed' } as const
  return { text: done[kind], tone: 'ok' }
}

function exitText(exit: NonNullable<OperationState['exit']>): string {
  if (exit.signal) return `Program killed by ${exit.signal}`
  return `Program exited with code ${exit.exitCode ?? '?'}`
}

export function ProgressSummary({ operation }: { readonly operation: OperationState }) {
  const running = operation.result === undefined
  const now = useNow(running)
  const engineNow = useEngineNow(operation.latestAt, running, 1000)
  const total = operation.units?.length ?? 0
  const done = Math.min(operation.finishedUnits, total)
  const elapsed = operation.result ? operation.result.elapsedMs : Math.max(0, now - operation.startedAt)
  const state = outcome(operation)
  const percent = total > 0 ? (done / total) * 100 : running ? 0 : 100
  const left =
    running && operation.units
      ? estimateRemainingMs(operation.units, operation.unitRecords, engineNow)
      : undefined
  return (
    <div className="progress-summary">
      <div className="progress-line">
        <span className={`progress-outcome tone-${state.tone}`} role="status" title={state.text}>
          {state.text}
        </span>
        {/* A test run's harnesses each exit; the results panel shows how. */}
        {operation.exit && operation.kind !== 'test' && (
          <span className={`exit-code ${operation.exit.exitCode === 0 ? 'tone-ok' : 'tone-bad'}`}>
            {exitText(operation.exit)}
          </span>
        )}
        <span className="progress-count">
          {done}/{total} crates
        </span>
        {left !== undefined && (
          <span
            className="progress-estimate"
            title="Estimated from the units finished so far: their mean time, the units left, and how many ran at once"
          >
            {formatRemaining(left)}
          </span>
        )}
        <span className="progress-elapsed" title="Elapsed time">
          {formatElapsed(elapsed)}
        </span>
      </div>
      <div
        className={`progress-bar tone-${state.tone}${running && total === 0 ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label="Crates compiled"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done}/${total} crates`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
