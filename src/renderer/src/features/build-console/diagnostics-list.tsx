/**
 * rustc's errors and warnings, grouped by crate and then file: click one to find it in the
 * console, or open the file at that line in the user's editor. One flat list with heading
 * rows, so every diagnostic is one list item however it is grouped.
 */
import { memo, useCallback, useMemo, type ReactNode } from 'react'
import type { Diagnostic } from '@shared/models/diagnostic'
import { useOpenInEditor } from '../../queries/project-queries'
import { ErrorMessage } from '../../components/error-message'
import { baseName } from '../../lib/paths'
import { DiagnosticChildren } from './diagnostic-children'
import { groupDiagnostics, type CrateGroup, type CrateRef } from './model/diagnostic-groups'

interface Props {
  readonly diagnostics: readonly Diagnostic[]
  readonly errorCount: number
  readonly warningCount: number
  readonly rootDir: string
  readonly selectedId: number | undefined
  readonly onSelect: (id: number) => void
  /** The crate each diagnostic came from, for the grouping. */
  readonly crateOf: (d: Diagnostic) => CrateRef | undefined
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
  onSelect,
  crateOf
}: Props) {
  const openInEditor = useOpenInEditor()
  const { mutate } = openInEditor
  const open = useCallback(
    (d: Diagnostic): void => {
      if (d.location) mutate({ path: d.location.file, line: Math.max(1, d.location.line) })
    },
    [mutate]
  )
  const groups = useMemo(() => groupDiagnostics(diagnostics, crateOf), [diagnostics, crateOf])
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
        {groups.map((group) => (
          <CrateItems key={group.crate?.key ?? ''} group={group}>
            {group.files.map(({ file, diagnostics: list }) => (
              <FileItems key={file ?? ''} file={file === undefined ? undefined : displayFile(file, rootDir)}>
                {list.map((d) => (
                  <DiagnosticItem
                    key={d.id}
                    diagnostic={d}
                    selected={d.id === selectedId}
                    onSelect={onSelect}
                    onOpen={open}
                  />
                ))}
              </FileItems>
            ))}
          </CrateItems>
        ))}
      </ul>
    </section>
  )
}

function CrateItems({ group, children }: { readonly group: CrateGroup; readonly children: ReactNode }) {
  const counts = [
    ...(group.errors > 0 ? [plural(group.errors, 'error')] : []),
    ...(group.warnings > 0 ? [plural(group.warnings, 'warning')] : [])
  ].join(', ')
  return (
    <>
      <li className="diagnostic-crate">
        <span className="diagnostic-crate-name">{group.crate?.label ?? 'Other messages'}</span>
        {counts && <span className="diagnostic-crate-counts">{counts}</span>}
      </li>
      {children}
    </>
  )
}

function FileItems({ file, children }: { readonly file: string | undefined; readonly children: ReactNode }) {
  return (
    <>
      {file !== undefined && (
        <li className="diagnostic-file" title={file}>
          {file}
        </li>
      )}
      {children}
    </>
  )
}

interface ItemProps {
  readonly diagnostic: Diagnostic
  readonly selected: boolean
  readonly onSelect: (id: number) => void
  readonly onOpen: (d: Diagnostic) => void
}

const DiagnosticItem = memo(function DiagnosticItem({
  diagnostic: d,
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
          <span className="diagnostic-location" title={d.location.file}>
            {baseName(d.location.file)}:{d.location.line}
          </span>
        )}
      </button>
      {d.location && (
        <button type="button" className="link-button" onClick={() => onOpen(d)}>
          Open in editor
        </button>
      )}
      {d.children && d.children.length > 0 && <DiagnosticChildren items={d.children} />}
    </li>
  )
})
