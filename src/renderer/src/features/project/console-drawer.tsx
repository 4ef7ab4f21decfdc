/**
 * The build console under the manifest editor, folded away until wanted. It opens by itself
 * when a build or run starts, so pressing Build while editing still shows what happens.
 */
import { useState, type ReactNode } from 'react'

interface Props {
  readonly operationId: string | undefined
  readonly running: boolean
  readonly children: ReactNode
}

export function ConsoleDrawer({ operationId, running, children }: Props) {
  const [open, setOpen] = useState(false)
  const [seen, setSeen] = useState(operationId)
  if (seen !== operationId) {
    setSeen(operationId)
    if (operationId !== undefined) setOpen(true)
  }
  return (
    <section className={`console-drawer ${open ? 'open' : ''}`} aria-label="Console">
      <button
        type="button"
        className="console-drawer-toggle"
        aria-expanded={open}
        aria-controls="console-drawer-body"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        Build console
        {running && <span className="badge badge-accent">running</span>}
      </button>
      {open && (
        <div id="console-drawer-body" className="console-drawer-body">
          {children ?? <p className="muted console-drawer-empty">Nothing built yet.</p>}
        </div>
      )}
    </section>
  )
}
