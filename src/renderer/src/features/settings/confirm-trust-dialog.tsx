/**
 * Browser mode's question before trusting a folder from Settings (the desktop app asks with a
 * native dialog instead, which a compromised page cannot answer).
 */
import { ModalDialog } from '../manifest-editor/modal-dialog'

interface Props {
  readonly folder: string
  readonly onTrust: () => void
  readonly onCancel: () => void
}

export function ConfirmTrustDialog({ folder, onTrust, onCancel }: Props) {
  return (
    <ModalDialog title="Trust this folder?" onClose={onCancel}>
      <p>
        Do you trust the authors of every project in <code>{folder}</code>?
      </p>
      <p className="muted">
        Building, running or testing a project there runs its own code: build scripts, proc-macros and the
        tools its cargo config names. Trust it only if you trust where that code came from.
      </p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onTrust}>
          Trust Folder
        </button>
      </div>
    </ModalDialog>
  )
}
