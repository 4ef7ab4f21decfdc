/** What only the desktop app can do: native dialogs and opening files with the system. */
import { app, dialog, shell, type BrowserWindow } from 'electron'
import { EngineError } from './engine/errors'
import type { ShellAdapter } from './handlers'

export function desktopShell(window: () => BrowserWindow | undefined): ShellAdapter {
  return {
    mode: 'desktop',
    version: app.getVersion(),
    async pickFolder(title) {
      const win = window()
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async openPath(path) {
      const error = await shell.openPath(path)
      if (error) throw new EngineError('io', `Could not open ${path}: ${error}`)
    }
  }
}
