/**
 * The file changed on disk while the editor had unsaved changes. Nothing is overwritten
 * silently: Reload takes the disk's text, Keep mine keeps editing (the next save knowingly
 * replaces the new file), Merge combines both line by line and asks about each conflicting hunk.
 */
import { useMemo, useState } from 'react'
import type { ManifestChange } from '@shared/models/manifest-edit'
import { DiffView } from './diff-view'
import { ModalDialog } from './modal-dialog'
import {
  resolveMerge,
  threeWayMerge,
  withConflictMarkers,
  type HunkChoice,
  type MergeRegion
} from './model/merge'

interface Props {
  readonly change: ManifestChange
  /** The text the editor last knew on disk (the merge base). */
  readonly base: string
  readonly mine: string
  readonly onReload: () => void
  readonly onKeepMine: () => void
  readonly onMerged: (text: string) => void
}

type Conflict = Extract<MergeRegion, { type: 'conflict' }>

const CHOICES: readonly { readonly choice: HunkChoice; readonly label: string }[] = [
  { choice: 'mine', label: 'Mine' },
  { choice: 'theirs', label: 'On disk' },
  { choice: 'both', label: 'Both (mine first)' }
]

function Lines({ lines, label }: { readonly lines: readonly string[]; readonly label: string }) {
  return (
    <figure className="merge-side">
      <figcaption>{label}</figcaption>
      <pre>{lines.length === 0 ? <span className="muted">(nothing)</span> : lines.join('')}</pre>
    </figure>
  )
}

function MergeChooser({
  regions,
  onApply,
  onMarkers,
  onBack
}: {
  readonly regions: readonly MergeRegion[]
  readonly onApply: (text: string) => void
  readonly onMarkers: () => void
  readonly onBack: () => void
}) {
  const conflicts = regions.filter((r): r is Conflict => r.type === 'conflict')
  const [choices, setChoices] = useState<readonly (HunkChoice | undefined)[]>(() =>
    conflicts.map(() => undefined)
  )
  const merged = resolveMerge(regions, choices)
  return (
    <>
      <p>
        {conflicts.length === 1 ? 'One part' : `${conflicts.length} parts`} changed both here and on disk.
        Choose a version for each, or settle them by hand in the raw TOML (between the conflict markers).
      </p>
      <ol className="merge-conflicts">
        {conflicts.map((c, i) => (
          <li key={i}>
            <fieldset className="me-card">
              <legend>
                Conflict {i + 1} of {conflicts.length}
              </legend>
              <div className="merge-sides">
                <Lines lines={c.mine} label="Mine" />
                <Lines lines={c.theirs} label="On disk" />
              </div>
              <div className="me-radios">
                {CHOICES.map(({ choice, label }) => (
                  <label key={choice} className="me-check">
                    <input
                      type="radio"
                      name={`conflict-${i}`}
                      checked={choices[i] === choice}
                      onChange={() => setChoices((all) => all.map((old, j) => (j === i ? choice : old)))}
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" onClick={onMarkers}>
          Edit with conflict markers
        </button>
        <button
          type="button"
          className="primary"
          disabled={merged === undefined}
          onClick={() => merged !== undefined && onApply(merged)}
        >
          Use these choices
        </button>
      </div>
    </>
  )
}

export function ConflictDialog({ change, base, mine, onReload, onKeepMine, onMerged }: Props) {
  const [merging, setMerging] = useState(false)
  const outcome = useMemo(
    () => (merging ? threeWayMerge(base, mine, change.text) : undefined),
    [merging, base, mine, change.text]
  )
  const merge = (): void => {
    const result = threeWayMerge(base, mine, change.text)
    if (result.text !== undefined) onMerged(result.text)
    else setMerging(true)
  }
  return (
    // Escape does not decide for the person: one of the three choices must be made.
    <ModalDialog
      title="Cargo.toml changed on disk"
      onClose={() => undefined}
      locked
      className="me-conflict-dialog"
    >
      {outcome ? (
        <MergeChooser
          regions={outcome.regions}
          onApply={onMerged}
          onMarkers={() => onMerged(withConflictMarkers(outcome.regions))}
          onBack={() => setMerging(false)}
        />
      ) : (
        <>
          <p>
            Another program changed <code>{change.path}</code> while you had unsaved changes here. Nothing has
            been overwritten.
          </p>
          <details className="merge-details">
            <summary>What changed on disk</summary>
            <DiffView oldText={base} newText={change.text} label="Changes on disk" />
          </details>
          <details className="merge-details">
            <summary>Your unsaved changes</summary>
            <DiffView oldText={base} newText={mine} label="Your unsaved changes" />
          </details>
          <ul className="merge-help">
            <li>
              <strong>Reload</strong> discards your changes and shows the file as it is now.
            </li>
            <li>
              <strong>Keep mine</strong> goes on editing; saving will replace the file on disk.
            </li>
            <li>
              <strong>Merge</strong> combines both, line by line, and asks where they overlap.
            </li>
          </ul>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={onReload}>
              Reload
            </button>
            <button type="button" onClick={onKeepMine}>
              Keep mine
            </button>
            <button type="button" className="primary" autoFocus onClick={merge}>
              Merge
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  )
}
