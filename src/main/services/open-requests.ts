/**
 * Paths the operating system asked the app to open: a Cargo.toml or folder from the file
 * manager, the command line, a second launch, a drop. They queue here and the page takes them
 * when it is ready (`takeOpenRequests`), so one that arrives before the window has loaded is
 * not lost; a push event tells a page that is already running to come and take them.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Publish } from '@shared/ipc/contract'

export class OpenRequests {
  private pending: string[] = []

  constructor(private readonly publish: Publish) {}

  add(path: string): void {
    this.pending.push(path)
    this.publish('openRequested', null)
  }

  take(): readonly string[] {
    const taken = this.pending
    this.pending = []
    return taken
  }
}

/**
 * The path to open from a command line: the last argument that is not an option (Chromium's
 * switches, macOS's `-psn_…`), made absolute against the folder the launch happened in. Linux
 * file managers pass `file://` URLs (the .desktop entry's %U). `args` excludes the program
 * itself (and, in development, Electron's app folder argument).
 */
export function pathFromArgs(args: readonly string[], cwd: string): string | undefined {
  const positional = args.filter((a) => a !== '' && !a.startsWith('-'))
  const last = positional.at(-1)
  if (last === undefined) return undefined
  if (/^file:/i.test(last)) {
    try {
      return fileURLToPath(last)
    } catch {
      return undefined
    }
  }
  return isAbsolute(last) ? last : resolve(cwd, last)
}
