/**
 * Browser mode's shell powers. There is no native folder picker (the page shows its own
 * folder browser), and files open with the desktop's default handler, started without a shell.
 */
import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { EngineError } from './engine/errors'
import type { ShellAdapter } from './handlers'
import { launchDetached, systemOpener } from './services/launch-detached'

export function browserShell(version: string): ShellAdapter {
  const open = (path: string) => launchDetached(systemOpener(), [path], `Open ${path} yourself.`)
  return {
    mode: 'browser',
    version,
    pickFolder: () => {
      throw new EngineError('unsupported', 'Browser mode has no native folder picker.', {
        hint: 'Use the folder browser in the page.'
      })
    },
    // The page asked already; the page is the user's (a per-run token, loopback only).
    confirmTrust: () => Promise.resolve(true),
    confirmEditorCommand: () => Promise.resolve(true),
    openPath: open,
    // No portable way to select a file in the file manager: open its folder (a folder itself).
    revealPath: async (path) => open((await stat(path)).isDirectory() ? path : dirname(path)),
    applyTheme: () => {}
  }
}
