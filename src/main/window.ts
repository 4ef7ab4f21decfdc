/** The one app window: sandboxed, isolated, no Node in the page, the preload as its only bridge. */
import { join } from 'node:path'
import { BrowserWindow, dialog } from 'electron'
import { APP_ORIGIN } from './app-protocol'
import { mainDir } from './main-dir'
import type { WindowState } from './window-state'

export function createMainWindow(devServerUrl: string | undefined, state: WindowState): BrowserWindow {
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Crate Studio',
    icon: join(mainDir(), '../../resources/icon.png'),
    webPreferences: {
      preload: join(mainDir(), '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  // The page refuses to unload while the manifest editor holds unsaved changes; Electron would
  // then ignore the close silently, so ask here (preventDefault lets the unload go ahead).
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Keep Editing', 'Discard and Close'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'Cargo.toml has unsaved changes.',
      detail: 'Closing discards them. The file on disk stays as it was last saved.'
    })
    if (choice === 1) event.preventDefault()
  })
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

/** What to remember of the window: its normal (unmaximized) bounds and whether it was maximized. */
export function windowStateOf(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
}
