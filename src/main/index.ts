/**
 * Electron lifecycle, and nothing else: a readable list of setup steps. Everything the app
 * does lives in services and the engine, which the CLI and browser mode share.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, nativeTheme, screen, type BrowserWindow } from 'electron'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol'
import { desktopShell } from './desktop-shell'
import { devServerUrl } from './dev-server-url'
import { createHandlers } from './handlers'
import { setupIpc } from './ipc/app-ipc'
import { ipcPublisher } from './ipc/ipc-publisher'
import { setupMenu } from './menu'
import { setupSecurity } from './security'
import { createServices, defaultConfigDir } from './services/create-services'
import { pathFromArgs } from './services/open-requests'
import { startupCacheDir } from './services/settings-store'
import { createMainWindow, windowStateOf } from './window'
import { loadWindowState, placeOnDisplays, saveWindowState } from './window-state'
import { mainDir } from './main-dir'

const rendererUrl = devServerUrl({ dev: import.meta.env.DEV, packaged: app.isPackaged }, process.env)
const appOrigins = [APP_ORIGIN, ...(rendererUrl ? [new URL(rendererUrl).origin] : [])]
const configDir = defaultConfigDir(process.env, homedir())
let mainWindow: BrowserWindow | undefined
/** Paths asked for before the services exist (macOS sends `open-file` before `ready`). */
const early: string[] = []
let openPath = (path: string): void => void early.push(path)
/** Brings the window up for a path the OS asked to open; until the app is ready, nothing to show. */
let showWindow = (): void => {}

const logError = (context: string, e: unknown) => console.error(`[crate-studio] ${context}:`, e)
/** Our own arguments: after the executable, and in development after Electron's app folder too. */
const ownArgs = (argv: readonly string[]) => argv.slice(process.defaultApp ? 2 : 1)

// A second launch sends the path it was given, computed from its own exact argv: Electron may
// reorder or add to the argv the first instance sees.
const launchPath = pathFromArgs(ownArgs(process.argv), process.cwd())
if (!app.requestSingleInstanceLock(launchPath ? { path: launchPath } : {})) {
  app.quit()
} else {
  app.enableSandbox()
  registerAppScheme()
  setupSecurity(appOrigins)
  if (launchPath) openPath(launchPath)
  // A second launch (a Cargo.toml double-clicked while the app runs) hands its path over here.
  app.on('second-instance', (_event, _argv, _cwd, data) => {
    const path = (data as { path?: unknown } | undefined)?.path
    if (typeof path === 'string') openPath(path)
    showWindow()
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openPath(path)
    showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(async () => {
    const publish = ipcPublisher(() => mainWindow?.webContents)
    const services = createServices({
      configDir,
      publish,
      logError,
      cacheDir: await startupCacheDir(configDir, process.env)
    })
    openPath = (path) => services.openRequests.add(path)
    for (const path of early.splice(0)) openPath(path)
    nativeTheme.themeSource = (await services.settings.settings()).theme
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
    const openWindow = async () => {
      const areas = screen.getAllDisplays().map((d) => d.workArea)
      const win = createMainWindow(rendererUrl, placeOnDisplays(await loadWindowState(configDir), areas))
      win.on('close', () => {
        try {
          saveWindowState(configDir, windowStateOf(win))
        } catch (e) {
          logError('saving the window state', e)
        }
      })
      mainWindow = win
    }
    // On macOS the app outlives its window: a file opened from Finder then needs a new one.
    showWindow = () => {
      if (!mainWindow || mainWindow.isDestroyed()) return void openWindow()
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    await openWindow()
    app.on('activate', () => {
      if (!mainWindow || mainWindow.isDestroyed()) void openWindow()
    })
  })
}
