/**
 * Promote to workspace dependency: the diff of every manifest it changes, then Apply (each file
 * written only if it still holds what the preview was made from) or Cancel (nothing written).
 */
import { useEffect } from 'react'
import { ErrorMessage } from '../../components/error-message'
import { isApiError } from '../../lib/api'
import { relativeTo } from '../../lib/paths'
import { DiffView } from '../manifest-editor/diff-view'
import { ModalDialog } from '../manifest-editor/modal-dialog'
import { useApplyPromotion, usePromotionPreview } from '../../queries/workspace-queries'

interface Props {
  readonly rootManifest: string
  readonly rootDir: string
  readonly name: string
  readonly onClose: () => void
}

export function PromoteDialog({ rootManifest, rootDir, name, onClose }: Props) {
  const preview = usePromotionPreview()
  const apply = useApplyPromotion(rootManifest)
  const { mutate } = preview
  useEffect(() => mutate({ manifestPath: rootManifest, name }), [mutate, rootManifest, name])
  const files = preview.data?.files ?? []
  const shown = (path: string) => relativeTo(rootDir, path)
  return (
    <ModalDialog
      title={`Promote ${name} to a workspace dependency`}
      onClose={onClose}
      className="ws-promote"
      locked={apply.isPending}
    >
      {preview.isPending && <p className="muted">Planning the change…</p>}
      {preview.isError && <ErrorMessage error={preview.error} title="This dependency cannot be promoted" />}
      {files.map((f) => (
        <section key={f.path} className="ws-promote-file">
          <h3>
            <code>{shown(f.path)}</code>
          </h3>
          <DiffView oldText={f.before} newText={f.after} label={`Changes to ${shown(f.path)}`} />
        </section>
      ))}
      {apply.isError && <ErrorMessage error={apply.error} title="The promotion stopped" />}
      <div className="row dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={files.length === 0 || apply.isPending}
          onClick={() =>
            apply.mutate(
              { files: files.map((f) => ({ path: f.path, text: f.after, baseHash: f.baseHash })) },
              {
                onSuccess: onClose,
                // A file changed meanwhile: plan again from what is there now, for the next Apply.
                onError: (e) => {
                  if (isApiError(e) && e.code === 'conflict') mutate({ manifestPath: rootManifest, name })
                }
              }
            )
          }
        >
          Apply
        </button>
        <button type="button" onClick={onClose} disabled={apply.isPending}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  )
}
