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
    async confirmTrust(folders) {
      const win = window()
      const options = {
        type: 'warning' as const,
        title: 'Trust this folder?',
        message: `Do you trust the authors of ${folders.length === 1 ? folders[0] : 'these folders'}?`,
        detail: `${folders.length === 1 ? '' : `${folders.join('\n')}\n\n`}Building, running or testing runs the project’s own code: build scripts, proc-macros, a 2014 build command and the rustc wrappers its .cargo/config.toml names, in its folder and in the path dependencies it uses. Trust them only if you trust where they came from. You can revoke trust at any time.`,
        buttons: ['Trust and Continue', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true
      }
      const { response } = win
        ? await dialog.showMessageBox(win, options)
        : await dialog.showMessageBox(options)
      return response === 0
    },
    async openPath(path) {
      const error = await shell.openPath(path)
      if (error) throw new EngineError('io', `Could not open ${path}: ${error}`)
    }
  }
}
