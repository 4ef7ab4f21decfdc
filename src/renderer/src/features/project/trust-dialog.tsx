/**
 * Asked before the first build, run or test of a folder: building runs the project's own code.
 * Browser mode asks here; the desktop app asks with a native dialog from the main process.
 */
import { ModalDialog } from '../manifest-editor/modal-dialog'

interface Props {
  /** The folders whose code would run and that are not trusted yet: the project's, path dependencies'. */
  readonly folders: readonly string[]
  readonly action: string
  readonly busy: boolean
  readonly onTrust: () => void
  readonly onCancel: () => void
}

export function TrustDialog({ folders, action, busy, onTrust, onCancel }: Props) {
  return (
    <ModalDialog title="Trust this folder?" onClose={onCancel} locked={busy}>
      <p>
        To {action} this package, Crate Studio runs its own code: build scripts, proc-macros, a 2014 build
        command, and the rustc wrappers its <code>.cargo/config.toml</code> names.
      </p>
      {folders.length === 1 ? (
        <p>
          Do you trust the authors of <code>{folders[0]}</code>? Trust it only if you know where it came from.
          You can revoke trust at any time from the project header.
        </p>
      ) : (
        <>
          <p>Its code, and that of the path dependencies it builds, lives in these folders:</p>
          <ul className="trust-folders">
            {folders.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          <p>
            Do you trust their authors? Trust them only if you know where they came from. You can revoke trust
            at any time from the project header.
          </p>
        </>
      )}
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
