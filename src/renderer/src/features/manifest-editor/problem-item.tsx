/** One error or warning in a list, with a "line N" button that opens the raw view there. */
import type { ReactNode } from 'react'

export function ProblemItem({
  severity,
  line,
  onReveal,
  children
}: {
  readonly severity: 'error' | 'warning'
  readonly line: number | undefined
  readonly onReveal: (line: number) => void
  readonly children: ReactNode
}) {
  return (
    <li className={`me-message ${severity}`}>
      <span className="me-message-icon" aria-hidden="true">
        {severity === 'error' ? '✕' : '!'}
      </span>
      <span>
        <span className="visually-hidden">{severity === 'error' ? 'Error: ' : 'Warning: '}</span>
        {children}
      </span>
      {line !== undefined && (
        <button
          type="button"
          className="link-button me-line"
          aria-label={`Go to line ${line}`}
          onClick={() => onReveal(line)}
        >
          line {line}
        </button>
      )}
    </li>
  )
}

/** "2 errors 1 warning" badges; nothing when both are zero. */
export function ProblemCounts({ errors, warnings }: { readonly errors: number; readonly warnings: number }) {
  return (
    <>
      {errors > 0 && (
        <span className="count error">
          {errors} error{errors === 1 ? '' : 's'}
        </span>
      )}
      {warnings > 0 && (
        <span className="count warning">
          {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      )}
    </>
  )
}
