/** Save, Undo and Redo, and where the editor stands (unsaved, saved, checking, problems). */
interface Props {
  readonly dirty: boolean
  readonly checking: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly status: string | undefined
  readonly shortcut: string
  readonly onSave: () => void
  readonly onUndo: () => void
  readonly onRedo: () => void
}

export function EditorToolbar(props: Props) {
  const { shortcut } = props
  return (
    <div className="me-toolbar" role="toolbar" aria-label="Manifest editor">
      <button
        type="button"
        className="primary"
        onClick={props.onSave}
        title={`Review and save (${shortcut}+S)`}
      >
        Save
      </button>
      <button type="button" disabled={!props.canUndo} onClick={props.onUndo} title={`${shortcut}+Z`}>
        <span aria-hidden="true" className="button-icon">
          ↶
        </span>
        Undo
      </button>
      <button type="button" disabled={!props.canRedo} onClick={props.onRedo} title={`${shortcut}+Shift+Z`}>
        <span aria-hidden="true" className="button-icon">
          ↷
        </span>
        Redo
      </button>
      <span className={`me-state ${props.dirty ? 'dirty' : 'clean'}`} role="status">
        {props.dirty ? (
          <>
            <span className="me-dot" aria-hidden="true" />
            Unsaved changes
          </>
        ) : (
          'Saved'
        )}
      </span>
      {props.dirty && <span className="muted small">Builds use the saved file.</span>}
      <span className="me-toolbar-end muted small" aria-live="polite">
        {props.status ?? (props.checking ? 'Checking…' : '')}
      </span>
    </div>
  )
}
