/**
 * `crate-studio daemon`: the resident build server that `crate-studio build` hands its work to
 * (see server/serve.ts). It starts by itself on the first build and leaves when idle; these
 * subcommands show it, stop it, or run it in the foreground.
 */
import { join } from 'node:path'
import { mainDir } from '../../main-dir'
import { connectToServer, converse } from '../server/client'
import { serveBuilds } from '../server/serve'
import { serverPlace } from '../server/server-place'
import { integerIn, parse, UsageError } from '../parse-args'
import { terminalFor, writeOut, type CliContext } from './shared'

export const DAEMON_HELP = `Show, stop or run the build server that makes repeated builds fast

Usage: crate-studio daemon <COMMAND>

Commands:
  status    Show whether a build server runs for this installation, and what it did
  stop      Stop it, cancelling any build it is running
  serve     Run it in the foreground (\`crate-studio build\` starts one in the background)

Options:
      --idle-timeout <SECONDS>  With serve: leave after this long without a build [default: 900]
  -h, --help                    Print help

\`crate-studio build\`, \`test\`, \`bench\` and \`run\` use the server unless CRATE_STUDIO_DAEMON=0
is set (\`run\`'s program still runs in your terminal). Where CI is set it is off unless
CRATE_STUDIO_DAEMON=1. A server belongs
to one build of Crate Studio: after an upgrade, the old one leaves when idle.
`

const OPTIONS = { 'idle-timeout': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const

/** The CLI bundle's entry, whose build names the server (see server-place.ts). */
export const cliEntry = (): string => join(mainDir(), 'cli.js')

export async function daemonCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  const [action, extra] = positionals
  if (values.help || action === undefined) {
    writeOut(ctx, DAEMON_HELP)
    return values.help ? 0 : 1
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' found`)
  if (action === 'serve')
    return serve(ctx, integerIn('idle-timeout', values['idle-timeout'], 1, 86_400) ?? 900)
  if (action !== 'status' && action !== 'stop')
    throw new UsageError(`unknown daemon command \`${action}\` (expected status, stop or serve)`)
  const term = terminalFor(ctx, {})
  const socket = await connectToServer(cliEntry(), ctx.env)
  if (!socket) {
    writeOut(ctx, 'no build server is running for this installation\n')
    return 0
  }
  let answered = false
  await converse(socket, { kind: action }, (m) => {
    if (m.kind === 'status') {
      answered = true
      writeOut(
        ctx,
        `build server running (pid ${m.pid}) since ${m.startedAt}: ${m.builds} build(s) served, ${m.running} running\n`
      )
    } else if (m.kind === 'exit') {
      answered = true
      writeOut(ctx, 'build server stopped\n')
    }
  })
  if (answered) return 0
  term.error({ code: 'internal', message: 'the build server did not answer' })
  return 101
}

async function serve(ctx: CliContext, idleSeconds: number): Promise<number> {
  const place = serverPlace(cliEntry(), ctx.env)
  const term = terminalFor(ctx, {})
  if (!place) {
    term.error({
      code: 'invalid-input',
      message: 'there is no private folder for the build server socket',
      details: {
        hint: 'set XDG_RUNTIME_DIR to a folder only you can enter (mode 700), or build with CRATE_STUDIO_DAEMON=0'
      }
    })
    return 1
  }
  // Every build brings its client's whole environment: nothing of the server's own may leak in
  // (execa adds the parent's variables to a child's). HOME stays: it is part of the server's name.
  for (const name of Object.keys(process.env))
    if (name !== 'HOME' && name !== 'TMPDIR') delete process.env[name]
  process.chdir('/')
  const { main } = await import('../main')
  // Loaded now rather than by the first command it serves.
  await Promise.all([import('./build'), import('./test'), import('./run')])
  const served = await serveBuilds({
    socket: place.socket,
    idleMs: idleSeconds * 1000,
    run: main,
    signal: ctx.signal
  })
  if (!served) writeOut(ctx, 'a build server is already running for this installation\n')
  return 0
}
