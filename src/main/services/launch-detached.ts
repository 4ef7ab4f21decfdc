/**
 * Starts a desktop program (an editor, the file manager) that outlives the request: resolved
 * through PATH to an absolute path, started without a shell, and not waited for beyond a
 * moment: a program that fails at once (a bad argument, no display) is reported, not lost.
 */
import { dirname } from 'node:path'
import { execa } from 'execa'
import { EngineError } from '../engine/errors'
import { findOnPath } from '../engine/tools/find-program'

/** How long a start may fail and still be reported; editors that hand off exit 0 sooner. */
const EARLY_EXIT_MS = 400

export async function launchDetached(program: string, args: readonly string[], hint: string): Promise<void> {
  const resolved = await findOnPath(program)
  if (!resolved)
    throw new EngineError('unsupported', `Cannot start \`${program}\`: it was not found.`, { hint })
  // windowsHide would start a GUI editor hidden on Windows.
  const child = execa(resolved, [...args], {
    detached: true,
    stdio: 'ignore',
    reject: false,
    shell: false,
    windowsHide: false
  })
  child.unref()
  let timer: ReturnType<typeof setTimeout> | undefined
  const early = await Promise.race([
    child,
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), EARLY_EXIT_MS)))
  ])
  clearTimeout(timer)
  if (early && (early.failed || early.exitCode !== 0)) {
    const why = early.exitCode !== undefined ? `exited with status ${early.exitCode}` : early.shortMessage
    throw new EngineError('io', `\`${resolved}\` ${why} right after it started.`, { hint })
  }
}

/** The desktop's "open this with its default application" program. */
export function systemOpener(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'open'
  if (platform === 'win32') return 'explorer.exe'
  return 'xdg-open'
}

/**
 * How the desktop shows a file or folder in its file manager without opening it: Finder's and
 * Explorer's select-this; elsewhere the folder itself (xdg-open of a folder shows it; of a file
 * it would open the file with its application). `open` on a folder named `X.app` would launch
 * it, hence `-R` for folders too.
 */
export function revealCommand(
  path: string,
  isDirectory: boolean,
  platform: NodeJS.Platform = process.platform
): readonly [string, readonly string[]] {
  if (platform === 'darwin') return ['open', ['-R', path]]
  if (platform === 'win32') return ['explorer.exe', [`/select,${path}`]]
  return ['xdg-open', [isDirectory ? path : dirname(path)]]
}
