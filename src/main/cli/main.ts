/**
 * The CLI: one function from argv to exit status. Errors become cargo-style `error:` lines
 * (exit 101), usage mistakes exit 1, and nothing ever prints a stack trace for expected
 * failures.
 */
import { appVersion } from '../app-version'
import { isEngineError } from '../engine/errors'
import { MAIN_HELP } from './commands/help'
import { terminalFor, writeOut, type CliContext } from './commands/shared'
import { UsageError } from './parse-args'

interface Command {
  readonly run: (args: readonly string[], ctx: CliContext) => Promise<number>
  readonly help: string
}

// Each command's code loads only when it runs: a no-op build should not pay for the web
// bridge, git or the manifest editor at start-up.
const build = async (): Promise<Command> => {
  const m = await import('./commands/build')
  return { run: m.buildCommand, help: m.BUILD_HELP }
}
const run = async (): Promise<Command> => {
  const m = await import('./commands/run')
  return { run: m.runCommand, help: m.RUN_HELP }
}
const test = async (): Promise<Command> => {
  const m = await import('./commands/test')
  return { run: m.testCommand, help: m.TEST_HELP }
}
const bench = async (): Promise<Command> => {
  const m = await import('./commands/bench')
  return { run: m.benchCommand, help: m.BENCH_HELP }
}
const remove = async (): Promise<Command> => {
  const m = await import('./commands/remove')
  return { run: m.removeCommand, help: m.REMOVE_HELP }
}
const update = async (): Promise<Command> => {
  const m = await import('./commands/lockfile-commands')
  return { run: m.updateCommand, help: m.UPDATE_HELP }
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  new: async () => {
    const m = await import('./commands/new')
    return { run: m.newCommand, help: m.NEW_HELP }
  },
  build,
  b: build,
  run,
  r: run,
  test,
  t: test,
  bench,
  clean: async () => {
    const m = await import('./commands/clean')
    return { run: m.cleanCommand, help: m.CLEAN_HELP }
  },
  web: async () => {
    const m = await import('./commands/web')
    return { run: m.webCommand, help: m.WEB_HELP }
  },
  add: async () => {
    const m = await import('./commands/add')
    return { run: m.addCommand, help: m.ADD_HELP }
  },
  remove,
  rm: remove,
  'set-version': async () => {
    const m = await import('./commands/set-version')
    return { run: m.setVersionCommand, help: m.SET_VERSION_HELP }
  },
  'generate-lockfile': async () => {
    const m = await import('./commands/lockfile-commands')
    return { run: m.generateLockfileCommand, help: m.GENERATE_LOCKFILE_HELP }
  },
  update,
  up: update,
  fetch: async () => {
    const m = await import('./commands/lockfile-commands')
    return { run: m.fetchCommand, help: m.FETCH_HELP }
  },
  metadata: async () => {
    const m = await import('./commands/metadata')
    return { run: m.metadataCommand, help: m.METADATA_HELP }
  },
  daemon: async () => {
    const m = await import('./commands/daemon')
    return { run: m.daemonCommand, help: m.DAEMON_HELP }
  },
  doctor: async () => {
    const m = await import('./commands/doctor')
    return { run: m.doctorCommand, help: m.DOCTOR_HELP }
  },
  tree: async () => {
    const m = await import('./commands/tree')
    return { run: m.treeCommand, help: m.TREE_HELP }
  }
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
    const topic = rest[0] && Object.hasOwn(COMMANDS, rest[0]) ? await COMMANDS[rest[0]]!() : undefined
    writeOut(ctx, topic?.help ?? MAIN_HELP)
    return 0
  }
  const term = terminalFor(ctx, {})
  const entry = Object.hasOwn(COMMANDS, command) ? await COMMANDS[command]!() : undefined
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
