/**
 * Starts a desktop program (an editor, the file manager) that outlives the request: resolved
 * through PATH to an absolute path, started without a shell, and not waited for.
 */
import { execa } from 'execa'
import { EngineError } from '../engine/errors'
import { findOnPath } from '../engine/tools/find-program'

export async function launchDetached(program: string, args: readonly string[], hint: string): Promise<void> {
  const resolved = await findOnPath(program)
  if (!resolved)
    throw new EngineError('unsupported', `Cannot start \`${program}\`: it was not found.`, { hint })
  const child = execa(resolved, [...args], { detached: true, stdio: 'ignore', reject: false, shell: false })
  child.unref()
}

/** The desktop's "open this with its default application" program. */
export function systemOpener(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'open'
  if (platform === 'win32') return 'explorer.exe'
  return 'xdg-open'
}
