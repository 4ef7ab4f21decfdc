/**
 * The CLI: one function from argv to exit status. Errors become cargo-style `error:` lines
 * (exit 101), usage mistakes exit 1, and nothing ever prints a stack trace for expected
 * failures.
 */
import { appVersion } from '../app-version'
import { isEngineError } from '../engine/errors'
import { addCommand, ADD_HELP } from './commands/add'
import { buildCommand, BUILD_HELP } from './commands/build'
import { MAIN_HELP } from './commands/help'
import {
  fetchCommand,
  FETCH_HELP,
  generateLockfileCommand,
  GENERATE_LOCKFILE_HELP,
  updateCommand,
  UPDATE_HELP
} from './commands/lockfile-commands'
import { metadataCommand, METADATA_HELP } from './commands/metadata'
import { newCommand, NEW_HELP } from './commands/new'
import { removeCommand, REMOVE_HELP } from './commands/remove'
import { runCommand, RUN_HELP } from './commands/run'
import { testCommand, TEST_HELP } from './commands/test'
import { cleanCommand, CLEAN_HELP } from './commands/clean'
import { setVersionCommand, SET_VERSION_HELP } from './commands/set-version'
import { terminalFor, writeOut, type CliContext } from './commands/shared'
import { treeCommand, TREE_HELP } from './commands/tree'
import { webCommand, WEB_HELP } from './commands/web'
import { UsageError } from './parse-args'

const COMMANDS: Record<
  string,
  { run: (args: readonly string[], ctx: CliContext) => Promise<number>; help: string }
> = {
  new: { run: newCommand, help: NEW_HELP },
  build: { run: buildCommand, help: BUILD_HELP },
  b: { run: buildCommand, help: BUILD_HELP },
  run: { run: runCommand, help: RUN_HELP },
  r: { run: runCommand, help: RUN_HELP },
  test: { run: testCommand, help: TEST_HELP },
  t: { run: testCommand, help: TEST_HELP },
  clean: { run: cleanCommand, help: CLEAN_HELP },
  web: { run: webCommand, help: WEB_HELP },
  add: { run: addCommand, help: ADD_HELP },
  remove: { run: removeCommand, help: REMOVE_HELP },
  rm: { run: removeCommand, help: REMOVE_HELP },
  'set-version': { run: setVersionCommand, help: SET_VERSION_HELP },
  'generate-lockfile': { run: generateLockfileCommand, help: GENERATE_LOCKFILE_HELP },
  update: { run: updateCommand, help: UPDATE_HELP },
  up: { run: updateCommand, help: UPDATE_HELP },
  fetch: { run: fetchCommand, help: FETCH_HELP },
  metadata: { run: metadataCommand, help: METADATA_HELP },
  tree: { run: treeCommand, help: TREE_HELP }
}

export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help') {
    writeOut(ctx, MAIN_HELP)
    return command === undefined ? 1 : 0
  }
  if (command === '-V' || command === '--version') {
    writeOut(ctx, `crate-studio ${appVersion()}\n`)
    return 0
  }
  if (command === 'help') {
    const topic = rest[0] ? COMMANDS[rest[0]] : undefined
    writeOut(ctx, topic?.help ?? MAIN_HELP)
    return 0
  }
  const term = terminalFor(ctx, {})
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!entry) {
    term.error({
      code: 'invalid-input',
      message: `no such command: \`${command}\``,
      details: { hint: 'view all commands with `crate-studio --help`' }
    })
    return 1
  }
  try {
    return await entry.run(rest, ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      term.error({
        code: 'invalid-input',
        message: e.message,
        details: { hint: `for more information, try \`crate-studio help ${command}\`` }
      })
      return 1
    }
    if (isEngineError(e)) {
      term.error({ code: e.code, message: e.message, details: e.details })
      return 101
    }
    const message = e instanceof Error ? e.message : String(e)
    term.error({
      code: 'internal',
      message: `internal error: ${message}`,
      details: { hint: 'This is a bug in Crate Studio; please report it.' }
    })
    return 101
  }
}
