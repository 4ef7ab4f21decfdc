/**
 * Menu commands and keyboard shortcuts, both turned into bus commands. In the desktop app the
 * Electron menu owns the accelerators, so our own Ctrl/Cmd shortcuts run in browser mode only.
 */
import { useEffect } from 'react'
import type { MenuCommand } from '@shared/models/app'
import { onMenuCommand } from './api'
import { dispatchCommand, isDialogOpen } from './commands'

const SHORTCUTS: Readonly<Record<string, MenuCommand>> = {
  n: 'new-package',
  o: 'open-folder',
  b: 'build',
  r: 'run',
  u: 'test',
  ',': 'settings'
}

export function useAppShortcuts(mode: 'desktop' | 'browser' | undefined): void {
  useEffect(() => onMenuCommand((command) => void dispatchCommand(command)), [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return
      if (e.key === 'Escape') {
        if (!isDialogOpen()) dispatchCommand('cancel')
        return
      }
      if (mode !== 'browser' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return
      const command = SHORTCUTS[e.key.toLowerCase()]
      if (!command) return
      e.preventDefault()
      if (!isDialogOpen()) dispatchCommand(command)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [mode])
}
