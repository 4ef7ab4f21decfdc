/**
 * Browser mode's shell powers. There is no native folder picker (the page shows its own
 * folder browser), and files open with the desktop's default handler, started without a shell.
 */
import { stat } from 'node:fs/promises'
import { EngineError } from './engine/errors'
import type { ShellAdapter } from './handlers'
import { launchDetached, revealCommand, systemOpener } from './services/launch-detached'

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
    confirmSetting: () => Promise.resolve(true),
    openPath: open,
    revealPath: async (path) => {
      const [program, args] = revealCommand(path, (await stat(path)).isDirectory())
      await launchDetached(program, args, `Open ${path} yourself.`)
    },
    applyTheme: () => {}
  }
}
