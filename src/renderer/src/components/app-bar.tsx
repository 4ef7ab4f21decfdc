/** A slim bar above every view: the way home, where you are, Settings and About. */
import type { View } from '../app'
import { baseName } from '../lib/paths'

interface Props {
  readonly view: View
  readonly onStart: () => void
  readonly onSettings: () => void
  readonly onAbout: () => void
}

/** The view's name for the bar and the window title. */
export function whereOf(view: View): string | undefined {
  if (view.name === 'wizard') return 'New Package'
  if (view.name === 'project') return baseName(view.path)
  if (view.name === 'settings') return 'Settings'
  return undefined
}

export function AppBar({ view, onStart, onSettings, onAbout }: Props) {
  const where = whereOf(view)
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
      <span className="app-bar-actions">
        <button
          type="button"
          className="link-button"
          aria-pressed={view.name === 'settings'}
          disabled={view.name === 'settings'}
          onClick={onSettings}
        >
          Settings
        </button>
        <button type="button" className="link-button" onClick={onAbout}>
          About
        </button>
      </span>
    </nav>
  )
}
