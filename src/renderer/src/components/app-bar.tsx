/** A slim bar above every view: the way home, and where you are. */
import type { View } from '../app'
import { baseName } from '../lib/paths'

export function AppBar({ view, onStart }: { readonly view: View; readonly onStart: () => void }) {
  const where =
    view.name === 'wizard' ? 'New Package' : view.name === 'project' ? baseName(view.path) : undefined
  return (
    <nav className="app-bar" aria-label="Navigation">
      <button type="button" className="app-bar-home" disabled={view.name === 'start'} onClick={onStart}>
        <span className="app-logo" aria-hidden="true">
          ◆
        </span>
        Crate Studio
      </button>
      {where && (
        <>
          <span className="app-bar-sep" aria-hidden="true">
            /
          </span>
          <span className="app-bar-where">{where}</span>
        </>
      )}
    </nav>
  )
}
