/**
 * "Open in editor" with the user's editor command from Settings: split like a shell would
 * (quotes group) but run without one, with `{file}`, `{line}` and `{column}` filled in, so a
 * path with spaces or quotes reaches the editor as one argument, never as code.
 */
import { splitArgs } from '@shared/format/split-args'
import { EngineError } from '../engine/errors'
import { launchDetached } from './launch-detached'

export interface EditorArgv {
  readonly program: string
  readonly args: readonly string[]
}

/** The program and its argument templates, placeholders still in them. */
export function parseEditorCommand(command: string): EditorArgv {
  const [program, ...args] = splitArgs(command)
  if (!program || program.includes('{'))
    throw new EngineError(
      'invalid-input',
      `The editor command \`${command}\` does not start with a program.`,
      {
        hint: 'In Settings, set the editor command to a program and its arguments, e.g. `code --goto {file}:{line}`.'
      }
    )
  return { program, args }
}

export function editorArgv(command: string, file: string, line = 1, column = 1): EditorArgv {
  const { program, args } = parseEditorCommand(command)
  const values: Readonly<Record<string, string>> = { file, line: String(line), column: String(column) }
  // One pass, so a path that itself contains `{line}` is not filled in again.
  const fill = (arg: string) => arg.replace(/\{(file|line|column)\}/g, (_m, key: string) => values[key]!)
  return { program, args: args.map(fill) }
}

export async function openInEditorCommand(
  command: string,
  file: string,
  line?: number,
  column?: number
): Promise<void> {
  const { program, args } = editorArgv(command, file, line, column)
  await launchDetached(
    program,
    args,
    'Check the editor command in Settings: its program must be on PATH or an absolute path.'
  )
}
