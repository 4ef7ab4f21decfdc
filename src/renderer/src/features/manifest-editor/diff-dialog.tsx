/**
 * A diff to approve: the review before every save ("Review changes" → Save) and before taking
 * a modernised manifest ("Modernise Cargo.toml" → Accept). A failed confirm keeps the dialog
 * open with the error; nothing has been written then.
 */
import { useState, type ReactNode } from 'react'
import { ErrorMessage } from '../../components/error-message'
import { DiffView } from './diff-view'
import { ModalDialog } from './modal-dialog'

interface Props {
  readonly title: string
  readonly oldText: string
  readonly newText: string
  readonly diffLabel: string
  readonly confirmLabel: string
  readonly errorTitle: string
  /** Resolves when done (the dialog then closes itself through onClose); throws to show the error. */
  readonly onConfirm: () => Promise<void> | void
  readonly onClose: () => void
  readonly children?: ReactNode
  /** Nothing to confirm (the change turned out empty). */
  readonly confirmDisabled?: boolean
}

export function DiffDialog(props: Props) {
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<unknown>()
  const confirm = async (): Promise<void> => {
    setRunning(true)
    setError(undefined)
    try {
      await props.onConfirm()
    } catch (e) {
      setError(e)
    } finally {
      setRunning(false)
    }
  }
  return (
    <ModalDialog title={props.title} onClose={props.onClose} locked={running} className="me-diff-dialog">
      {props.children}
      <DiffView oldText={props.oldText} newText={props.newText} label={props.diffLabel} />
      {error !== undefined && <ErrorMessage error={error} title={props.errorTitle} />}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} disabled={running}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          disabled={running || props.confirmDisabled}
          onClick={() => void confirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
