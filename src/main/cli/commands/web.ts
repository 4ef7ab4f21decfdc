/** `crate-studio web`: the app's UI in a browser, served on 127.0.0.1 with a per-run token. */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { appVersion } from '../../app-version'
import { startBridgeServer } from '../../bridge/server'
import { browserShell } from '../../browser-shell'
import { createHandlers } from '../../handlers'
import { createServices, defaultConfigDir } from '../../services/create-services'
import { pathFromArgs } from '../../services/open-requests'
import { startupCacheDir } from '../../services/settings-store'
import type { Publish } from '@shared/ipc/contract'
import { COMMON_OPTIONS, integerIn, parse, UsageError } from '../parse-args'
import { terminalFor, writeOut, type CliContext } from './shared'
import { mainDir } from '../../main-dir'

export const WEB_HELP = `Serve Crate Studio's UI to a browser on this machine

Usage: crate-studio web [OPTIONS] [PATH]

Arguments:
  [PATH]                       A package folder or Cargo.toml to open in the page

Options:
      --port <N>               Port on 127.0.0.1 (default: a free one)
  -h, --help                   Print help

The printed URL carries a secret token; only this machine can connect, and only with it.
`

export async function webCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON_OPTIONS, port: { type: 'string' } })
  if (values.help) {
    writeOut(ctx, WEB_HELP)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' found`)
  const term = terminalFor(ctx, values)
  const port = integerIn('port', values.port, 0, 65535) ?? 0
  let publish: Publish = () => {}
  const logError = (context: string, e: unknown) =>
    term.warning(`${context}: ${e instanceof Error ? e.message : String(e)}`)
  const configDir = defaultConfigDir(ctx.env, homedir())
  const services = createServices({
    configDir,
    publish: (event, payload) => publish(event, payload),
    logError,
    cacheDir: await startupCacheDir(configDir, ctx.env)
  })
  const launchPath = pathFromArgs(positionals, ctx.cwd)
  if (launchPath) services.openRequests.add(launchPath)
  const server = await startBridgeServer({
    handlers: createHandlers(services, browserShell(appVersion())),
    // Another build of the renderer can be served (and tests point at a folder without one).
    rendererDir: ctx.env.CRATE_STUDIO_RENDERER_DIR ?? join(mainDir(), '..', 'renderer'),
    port,
    logError
  })
  publish = server.publish
  term.status('Serving', 'Crate Studio in browser mode (Ctrl+C to stop)')
  writeOut(ctx, `${server.url}\n`)
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve()
    ctx.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  services.operations.cancelAll()
  await services.manifests.closeAll()
  services.dependencies.cancelAll()
  services.gitDependencies.cancelAll()
  await server.close()
  return 0
}
