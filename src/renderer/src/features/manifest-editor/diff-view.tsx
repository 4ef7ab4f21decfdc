/** A unified diff, as rows with both sides' line numbers; added and removed lines are marked for everyone, not only by colour. */
import { memo, useMemo } from 'react'
import { diffSummary, unifiedDiff, type DiffRow } from './model/unified-diff'

function Row({ row }: { readonly row: DiffRow }) {
  switch (row.kind) {
    case 'hunk':
      return (
        <tr className="diff-hunk">
          <td colSpan={4}>{row.text}</td>
        </tr>
      )
    case 'note':
      return (
        <tr className="diff-note">
          <td colSpan={4}>{row.text}</td>
        </tr>
      )
    case 'context':
      return (
        <tr className="diff-context">
          <td className="diff-num">{row.oldLine}</td>
          <td className="diff-num">{row.newLine}</td>
          <td className="diff-mark" />
          <td className="diff-text">{row.text}</td>
        </tr>
      )
    case 'removed':
      return (
        <tr className="diff-removed">
          <td className="diff-num">{row.oldLine}</td>
          <td className="diff-num" />
          <td className="diff-mark">
            <span aria-hidden="true">−</span>
            <span className="visually-hidden">removed</span>
          </td>
          <td className="diff-text">{row.text}</td>
        </tr>
      )
    case 'added':
      return (
        <tr className="diff-added">
          <td className="diff-num" />
          <td className="diff-num">{row.newLine}</td>
          <td className="diff-mark">
            <span aria-hidden="true">+</span>
            <span className="visually-hidden">added</span>
          </td>
          <td className="diff-text">{row.text}</td>
        </tr>
      )
  }
}

export const DiffView = memo(function DiffView({
  oldText,
  newText,
  label
}: {
  readonly oldText: string
  readonly newText: string
  readonly label: string
}) {
  const diff = useMemo(() => unifiedDiff(oldText, newText), [oldText, newText])
  return (
    <div className="diff-view">
      <p className="diff-summary">{oldText === newText ? 'No changes.' : diffSummary(diff)}</p>
      {diff.rows.length > 0 && (
        <div className="diff-scroll">
          <table className="diff-table" aria-label={label}>
            <tbody>
              {diff.rows.map((row, i) => (
                <Row key={i} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
})
