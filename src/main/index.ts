/**
 * Electron lifecycle, and nothing else: a readable list of setup steps. Everything the app
 * does lives in services and the engine, which the CLI and browser mode share.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, type BrowserWindow } from 'electron'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol'
import { desktopShell } from './desktop-shell'
import { devServerUrl } from './dev-server-url'
import { createHandlers } from './handlers'
import { setupIpc } from './ipc/app-ipc'
import { ipcPublisher } from './ipc/ipc-publisher'
import { setupMenu } from './menu'
import { setupSecurity } from './security'
import { createServices, defaultConfigDir } from './services/create-services'
import { createMainWindow } from './window'
import { mainDir } from './main-dir'

const rendererUrl = devServerUrl({ dev: import.meta.env.DEV, packaged: app.isPackaged }, process.env)
const appOrigins = [APP_ORIGIN, ...(rendererUrl ? [new URL(rendererUrl).origin] : [])]
let mainWindow: BrowserWindow | undefined

const logError = (context: string, e: unknown) => console.error(`[crate-studio] ${context}:`, e)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.enableSandbox()
  registerAppScheme()
  setupSecurity(appOrigins)
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(() => {
    const publish = ipcPublisher(() => mainWindow?.webContents)
    const services = createServices({
      configDir: defaultConfigDir(process.env, homedir()),
      publish,
      logError
    })
    const handlers = createHandlers(
      services,
      desktopShell(() => mainWindow)
    )
    serveRenderer(join(mainDir(), '../renderer'))
    setupIpc(handlers, appOrigins, logError)
    setupMenu((command) => publish('menuCommand', command))
    app.on('before-quit', () => {
      services.operations.cancelAll()
      void services.manifests.closeAll()
      services.dependencies.cancelAll()
      services.gitDependencies.cancelAll()
    })
    mainWindow = createMainWindow(rendererUrl)
    app.on('activate', () => {
      if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(rendererUrl)
    })
  })
}
