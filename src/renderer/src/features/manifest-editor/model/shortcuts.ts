/** The editor's keyboard shortcuts, decided from a key press alone (so they are testable without a DOM). */

export type EditorShortcut = 'save' | 'undo' | 'redo'

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** Ctrl/Cmd+S saves, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function shortcutOf(e: KeyPress): EditorShortcut | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined
  const key = e.key.toLowerCase()
  if (key === 's' && !e.shiftKey) return 'save'
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo'
  return undefined
}
