/** Binds the app's handlers to Electron's real ipcMain, trusting only the app's own origins. */
import { ipcMain } from 'electron'
import type { ErrorLogger, Handlers } from './dispatch'
import { registerHandlers, trustOrigins } from './handle'

export function setupIpc(
  handlers: Handlers,
  appOrigins: readonly string[],
  logError: ErrorLogger
): () => void {
  return registerHandlers(ipcMain, handlers, trustOrigins(appOrigins), logError)
}
