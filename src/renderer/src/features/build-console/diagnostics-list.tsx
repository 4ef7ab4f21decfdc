/**
 * rustc's errors and warnings as a list: click one to find it in the console, or open the
 * file at that line in the user's editor.
 */
import { memo, useCallback } from 'react'
import type { Diagnostic } from '@shared/models/diagnostic'
import { useOpenInEditor } from '../../queries/project-queries'
import { ErrorMessage } from '../../components/error-message'

interface Props {
  readonly diagnostics: readonly Diagnostic[]
  readonly errorCount: number
  readonly warningCount: number
  readonly rootDir: string
  readonly selectedId: number | undefined
  readonly onSelect: (id: number) => void
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Paths inside the package are shown relative to it; others stay absolute. */
function displayFile(file: string, rootDir: string): string {
  const root = rootDir.replace(/[\\/]+$/, '')
  return file.startsWith(root) && /[\\/]/.test(file.charAt(root.length)) ? file.slice(root.length + 1) : file
}

export function DiagnosticsList({
  diagnostics,
  errorCount,
  warningCount,
  rootDir,
  selectedId,
  onSelect
}: Props) {
  const openInEditor = useOpenInEditor()
  const { mutate } = openInEditor
  const open = useCallback(
    (d: Diagnostic): void => {
      if (d.location) mutate({ path: d.location.file, line: Math.max(1, d.location.line) })
    },
    [mutate]
  )
  return (
    <section className="diagnostics-panel" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title" className="diagnostics-heading">
        Diagnostics
        <span className={`count ${errorCount > 0 ? 'error' : ''}`}>{plural(errorCount, 'error')}</span>
        <span className={`count ${warningCount > 0 ? 'warning' : ''}`}>
          {plural(warningCount, 'warning')}
        </span>
      </h2>
      {openInEditor.isError && <ErrorMessage error={openInEditor.error} title="Could not open the editor" />}
      {diagnostics.length === 0 && <p className="muted diagnostics-empty">No errors or warnings.</p>}
      <ul className="diagnostics-list" aria-label="Diagnostics">
        {diagnostics.map((d) => (
          <DiagnosticItem
            key={d.id}
            diagnostic={d}
            file={d.location ? displayFile(d.location.file, rootDir) : undefined}
            selected={d.id === selectedId}
            onSelect={onSelect}
            onOpen={open}
          />
        ))}
      </ul>
    </section>
  )
}

interface ItemProps {
  readonly diagnostic: Diagnostic
  readonly file: string | undefined
  readonly selected: boolean
  readonly onSelect: (id: number) => void
  readonly onOpen: (d: Diagnostic) => void
}

const DiagnosticItem = memo(function DiagnosticItem({
  diagnostic: d,
  file,
  selected,
  onSelect,
  onOpen
}: ItemProps) {
  return (
    <li className={`diagnostic-item level-${d.level}${selected ? ' selected' : ''}`}>
      <button
        type="button"
        className="diagnostic-jump"
        aria-current={selected || undefined}
        onClick={() => onSelect(d.id)}
      >
        <span className={`level-badge level-${d.level}`}>{d.level}</span>
        {d.code && <span className="diagnostic-code">[{d.code}]</span>}
        <span className="diagnostic-message">{d.message}</span>
        {d.location && (
          <span className="diagnostic-location">
            {file}:{d.location.line}
          </span>
        )}
      </button>
      {d.location && (
        <button type="button" className="link-button" onClick={() => onOpen(d)}>
          Open in editor
        </button>
      )}
    </li>
  )
})
