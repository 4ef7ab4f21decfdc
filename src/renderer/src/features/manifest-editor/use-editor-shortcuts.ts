/**
 * Save, undo and redo from the keyboard while the manifest editor is on screen: Ctrl/Cmd+S,
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y. Undo inside the editor is ours (one history for forms
 * and raw text), so the browser's own is stopped there; the desktop menu's Undo arrives as a
 * `historyUndo` input event and is taken over the same way.
 */
import { useEffect, useRef, type RefObject } from 'react'
import { isDialogOpen } from '../../lib/commands'
import { shortcutOf, type EditorShortcut } from './model/shortcuts'

type Handlers = Readonly<Record<EditorShortcut, () => void>>

export function useEditorShortcuts(root: RefObject<HTMLElement | null>, handlers: Handlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const inside = (target: EventTarget | null): boolean =>
      target === document.body || (target instanceof Node && (root.current?.contains(target) ?? false))
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing || isDialogOpen()) return
      const shortcut = shortcutOf(e)
      if (!shortcut) return
      // Save works from anywhere in the project view; undo only where the editor has focus.
      if (shortcut !== 'save' && !inside(e.target)) return
      e.preventDefault()
      latest.current[shortcut]()
    }
    const onBeforeInput = (e: InputEvent): void => {
      if (!inside(e.target) || isDialogOpen()) return
      if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
        e.preventDefault()
        latest.current[e.inputType === 'historyUndo' ? 'undo' : 'redo']()
      }
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('beforeinput', onBeforeInput)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('beforeinput', onBeforeInput)
    }
  }, [root])
}
