/**
 * The settings a compromised page could turn against the user need the user's own yes: a new
 * editor command (a program "open in editor" will run) and a new cache folder (builds reuse
 * the crates and checkouts they find there). The desktop app asks natively; browser mode's page
 * is the user's. The editor's program is resolved first, so the question names the real file
 * and a command that cannot work is refused now rather than on first use.
 */
import type { Settings } from '@shared/models/settings'
import { EngineError } from '../engine/errors'
import { findOnPath } from '../engine/tools/find-program'
import { parseEditorCommand } from './editor-command'

export type SensitiveSetting =
  | { readonly kind: 'editor-command'; readonly program: string; readonly args: readonly string[] }
  | { readonly kind: 'cache-dir'; readonly dir: string }

export async function sensitiveChanges(
  change: Partial<Settings>,
  current: Settings
): Promise<SensitiveSetting[]> {
  const out: SensitiveSetting[] = []
  const command = change.editorCommand?.trim()
  if (command && command !== current.editorCommand.trim()) {
    const { program, args } = parseEditorCommand(command)
    const resolved = await findOnPath(program)
    if (!resolved)
      throw new EngineError('invalid-input', `The editor command's program \`${program}\` was not found.`, {
        hint: 'Give the program as an absolute path, or one on the PATH Crate Studio was started with.'
      })
    out.push({ kind: 'editor-command', program: resolved, args })
  }
  if (change.cacheDir && change.cacheDir !== current.cacheDir)
    out.push({ kind: 'cache-dir', dir: change.cacheDir })
  return out
}

/** Asks about each sensitive change; a refusal saves nothing. */
export async function confirmAll(
  changes: readonly SensitiveSetting[],
  confirm: (change: SensitiveSetting) => Promise<boolean>
): Promise<void> {
  for (const c of changes)
    if (!(await confirm(c)))
      throw new EngineError('cancelled', 'Nothing was saved: a change was not confirmed.', {
        hint: 'Save again and confirm, or change that setting back.'
      })
}
