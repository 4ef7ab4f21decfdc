/**
 * Browser mode's shell powers. There is no native folder picker (the page shows its own
 * folder browser), and files open with the desktop's default handler, started without a shell.
 */
import { execa } from 'execa'
import { EngineError } from './engine/errors'
import { findOnPath } from './engine/tools/find-program'
import type { ShellAdapter } from './handlers'

function opener(): readonly [string, readonly string[]] {
  if (process.platform === 'darwin') return ['open', []]
  if (process.platform === 'win32') return ['explorer.exe', []]
  return ['xdg-open', []]
}

export function browserShell(version: string): ShellAdapter {
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
    async openPath(path) {
      const [program, args] = opener()
      const resolved = await findOnPath(program)
      if (!resolved) {
        throw new EngineError('unsupported', `Cannot open files: \`${program}\` is not installed.`, {
          hint: `Open ${path} yourself.`
        })
      }
      const child = execa(resolved, [...args, path], {
        detached: true,
        stdio: 'ignore',
        reject: false,
        shell: false
      })
      child.unref()
    }
  }
}
