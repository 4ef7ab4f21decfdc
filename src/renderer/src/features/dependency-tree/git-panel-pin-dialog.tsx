/**
 * "Pin to this commit": the Cargo.toml change as a diff, saved only when confirmed, through the
 * manifest service's compare-and-swap save (a file changed since the preview is not
 * overwritten; the dialog then shows why and stays open).
 */
import type { GitPinPreview } from '@shared/models/git-dependencies'
import { api } from '../../lib/api'
import { DiffDialog } from '../manifest-editor/diff-dialog'
import { shortCommit } from './model/git-panel-status'

interface Props {
  readonly name: string
  readonly preview: GitPinPreview
  readonly onSaved: () => void
  readonly onClose: () => void
}

export function GitPinDialog({ name, preview, onSaved, onClose }: Props) {
  const save = async (): Promise<void> => {
    await api.saveManifest({ path: preview.path, text: preview.newText, baseHash: preview.baseHash })
    onSaved()
  }
  return (
    <DiffDialog
      title={`Pin ${name} to ${shortCommit(preview.commit)}`}
      oldText={preview.text}
      newText={preview.newText}
      diffLabel="Changes to Cargo.toml"
      confirmLabel="Save Cargo.toml"
      errorTitle="Could not save Cargo.toml"
      onConfirm={save}
      onClose={onClose}
      confirmDisabled={preview.text === preview.newText}
    >
      <p className="small">
        {preview.entries.map((key, i) => (
          <span key={`${key}-${i}`}>
            {i > 0 && ', '}
            <code>{key}</code>
          </span>
        ))}{' '}
        will name commit <code>{preview.commit}</code> with <code>rev</code>, so it stays there until you
        change it. Cargo.lock keeps the same commit.
      </p>
    </DiffDialog>
  )
}
