/**
 * The rows of a unified diff (what `git diff` shows), for the review before a save and before
 * modernising: hunks of changed lines with a little context and both sides' line numbers.
 */
import { structuredPatch } from 'diff'

export type DiffRow =
  | { readonly kind: 'hunk'; readonly text: string }
  | { readonly kind: 'context'; readonly oldLine: number; readonly newLine: number; readonly text: string }
  | { readonly kind: 'removed'; readonly oldLine: number; readonly text: string }
  | { readonly kind: 'added'; readonly newLine: number; readonly text: string }
  /** `\ No newline at end of file`, as diff prints it. */
  | { readonly kind: 'note'; readonly text: string }

export interface UnifiedDiff {
  readonly rows: readonly DiffRow[]
  readonly added: number
  readonly removed: number
  /** The texts differ only in bytes a line diff cannot show (line endings, a BOM). */
  readonly invisibleOnly: boolean
}

export function unifiedDiff(oldText: string, newText: string, context = 3): UnifiedDiff {
  const patch = structuredPatch('Cargo.toml', 'Cargo.toml', oldText, newText, undefined, undefined, {
    context
  })
  const rows: DiffRow[] = []
  let added = 0
  let removed = 0
  for (const hunk of patch.hunks) {
    rows.push({
      kind: 'hunk',
      text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`
    })
    let oldLine = hunk.oldStart
    let newLine = hunk.newStart
    for (const line of hunk.lines) {
      const mark = line[0]
      const text = line.slice(1)
      if (mark === '+') {
        rows.push({ kind: 'added', newLine: newLine++, text })
        added++
      } else if (mark === '-') {
        rows.push({ kind: 'removed', oldLine: oldLine++, text })
        removed++
      } else if (mark === '\\') {
        rows.push({ kind: 'note', text: line })
      } else {
        rows.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text })
      }
    }
  }
  return { rows, added, removed, invisibleOnly: rows.length === 0 && oldText !== newText }
}

/** The diff as plain text, for copying or for a screen reader's summary. */
export function diffSummary(diff: UnifiedDiff): string {
  if (diff.invisibleOnly) return 'Only line endings or invisible characters change.'
  const parts = [`${diff.added} line${diff.added === 1 ? '' : 's'} added`, `${diff.removed} removed`]
  return parts.join(', ')
}
