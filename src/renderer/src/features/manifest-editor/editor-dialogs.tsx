/** The editor's three questions: review before saving, review a modernisation, leave without saving. */
import { DiffDialog } from './diff-dialog'
import { ModalDialog } from './modal-dialog'

export function SaveReviewDialog(props: {
  readonly saved: string
  readonly text: string
  readonly parses: boolean
  readonly onSave: () => Promise<void>
  readonly onClose: () => void
}) {
  return (
    <DiffDialog
      title="Review changes"
      oldText={props.saved}
      newText={props.text}
      diffLabel="Changes to Cargo.toml"
      confirmLabel="Save"
      errorTitle="Not saved"
      onClose={props.onClose}
      onConfirm={props.onSave}
    >
      <p className="muted small">
        The file on disk (left numbers) and what Save writes (right numbers). Everything else stays byte for
        byte.
      </p>
      {!props.parses && (
        <p className="me-banner me-banner-bad">
          This text does not parse as TOML. Saving writes it anyway; cargo refuses it until it is fixed.
        </p>
      )}
    </DiffDialog>
  )
}

export function ModerniseDialog(props: {
  readonly from: string
  readonly to: string
  readonly onAccept: () => void
  readonly onClose: () => void
}) {
  const nothing = props.from === props.to
  return (
    <DiffDialog
      title="Modernise Cargo.toml"
      oldText={props.from}
      newText={props.to}
      diffLabel="Modernised Cargo.toml"
      confirmLabel="Accept"
      confirmDisabled={nothing}
      errorTitle="Could not modernise"
      onClose={props.onClose}
      onConfirm={props.onAccept}
    >
      {nothing ? (
        <p className="me-banner me-banner-warn">
          Nothing more can be modernised automatically. What still marks this manifest as 2014 style (a build
          command, for example) needs changing by hand.
        </p>
      ) : (
        <p className="muted small">Accepting puts this into the editor as unsaved changes; Save writes it.</p>
      )}
    </DiffDialog>
  )
}

/** Asked by the leave guard: answering closes it, and only "Discard changes" lets the view go. */
export function LeaveDialog({ onAnswer }: { readonly onAnswer: (leave: boolean) => void }) {
  return (
    <ModalDialog title="Discard unsaved changes?" onClose={() => onAnswer(false)}>
      <p>Cargo.toml has changes that are not saved. Leaving the editor discards them.</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => onAnswer(false)}>
          Keep editing
        </button>
        <button type="button" className="danger" onClick={() => onAnswer(true)}>
          Discard changes
        </button>
      </div>
    </ModalDialog>
  )
}
