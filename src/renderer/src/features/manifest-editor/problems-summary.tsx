/** All of the manifest's problems in one list, each with its key and line (the line opens the raw view there). */
import type { ManifestProblem, ManifestView } from '@shared/models/manifest-edit'
import { describePath, problemLine } from './model/key-path'
import { ProblemCounts, ProblemItem } from './problem-item'

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
        <ProblemCounts errors={errors} warnings={warnings} />
      </summary>
      <ul aria-label="Manifest problems">
        {problems.map((p, i) => (
          <ProblemItem key={i} severity={p.severity} line={problemLine(view, p)} onReveal={onReveal}>
            {p.path.length > 0 && <code>{describePath(p.path)}</code>} {p.message}
          </ProblemItem>
        ))}
      </ul>
    </details>
  )
}
