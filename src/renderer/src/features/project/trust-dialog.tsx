/**
 * Asked before the first build, run or test of a folder: building runs the project's own code.
 * Browser mode asks here; the desktop app asks with a native dialog from the main process.
 */
import { ModalDialog } from '../manifest-editor/modal-dialog'

interface Props {
  readonly folder: string
  readonly action: string
  readonly busy: boolean
  readonly onTrust: () => void
  readonly onCancel: () => void
}

export function TrustDialog({ folder, action, busy, onTrust, onCancel }: Props) {
  return (
    <ModalDialog title="Trust this folder?" onClose={onCancel} locked={busy}>
      <p>
        To {action} this package, Crate Studio runs its own code: build scripts, proc-macros, a 2014 build
        command, and the rustc wrappers its <code>.cargo/config.toml</code> names.
      </p>
      <p>
        Do you trust the authors of <code>{folder}</code>? Trust it only if you know where it came from. You
        can revoke trust at any time from the project header.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onTrust} disabled={busy}>
          Trust and {action}
        </button>
      </div>
    </ModalDialog>
  )
}
