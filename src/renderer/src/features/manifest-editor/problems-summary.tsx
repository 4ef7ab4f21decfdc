/** All of the manifest's problems in one list, each with its key and line (the line opens the raw view there). */
import type { ManifestProblem, ManifestView } from '@shared/models/manifest-edit'
import { describePath, problemLine } from './model/key-path'

interface Props {
  readonly problems: readonly ManifestProblem[]
  readonly view: ManifestView | undefined
  readonly onReveal: (line: number) => void
}

export function ProblemsSummary({ problems, view, onReveal }: Props) {
  if (problems.length === 0) return null
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  return (
    <details className="me-problems" open={errors > 0}>
      <summary>
        Problems
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
      </summary>
      <ul aria-label="Manifest problems">
        {problems.map((p, i) => {
          const line = problemLine(view, p)
          return (
            <li key={i} className={`me-message ${p.severity}`}>
              <span className="me-message-icon" aria-hidden="true">
                {p.severity === 'error' ? '✕' : '!'}
              </span>
              <span>
                <span className="visually-hidden">{p.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
                {p.path.length > 0 && <code>{describePath(p.path)}</code>} {p.message}
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
        })}
      </ul>
    </details>
  )
}
