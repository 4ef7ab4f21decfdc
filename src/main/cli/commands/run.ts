/** `crate-studio run`: build, then run a binary with the arguments after `--`. */
import { runPackage } from '../../engine/run/run-package'
import { locateManifest } from '../locate-manifest'
import {
  BUILD_OPTIONS,
  parse,
  splitPassthrough,
  TARGET_TRIPLE_HELP,
  TARGET_TRIPLE_OPTIONS
} from '../parse-args'
import {
  interrupted,
  printerFor,
  profileOf,
  terminalFor,
  PROFILE_OPTIONS_HELP,
  COMMON_BUILD_OPTIONS_HELP,
  writeOut,
  failureStatus,
  type CliContext,
  engineOptionsOf
} from './shared'

export const RUN_HELP = `Run a binary of the local package

Usage: crate-studio run [OPTIONS] [-- ARGS]...

Options:
  -p, --package <SPEC>         Package with the target to run
      --bin <NAME>             Name of the bin target to run
      --example <NAME>         Name of the example target to run
${PROFILE_OPTIONS_HELP}${TARGET_TRIPLE_HELP}${COMMON_BUILD_OPTIONS_HELP}`

const OPTIONS = {
  ...BUILD_OPTIONS,
  bin: { type: 'string' },
  example: { type: 'string' },
  package: { type: 'string', short: 'p' },
  ...TARGET_TRIPLE_OPTIONS
} as const

export async function runCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { own, rest } = splitPassthrough(args)
  const { values, positionals } = parse(own, OPTIONS)
  if (values.help) {
    writeOut(ctx, RUN_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const { sink, colourDiagnostics } = printerFor(term, values)
  const engine = engineOptionsOf(values, ctx)
  const profile = profileOf(values)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await runPackage(
    {
      manifestPath,
      profile,
      ...engine,
      ...(values.bin ? { bin: values.bin } : {}),
      ...(values.example ? { example: values.example } : {}),
      ...(values.package ? { packages: { packages: [values.package] } } : {}),
      args: [...positionals, ...rest],
      // Output captured by a test is piped; a terminal (here or the server's client's) is handed over.
      stdio: ctx.out && !ctx.launchProgram ? 'pipe' : 'inherit',
      ...(ctx.launchProgram ? { launch: ctx.launchProgram } : {}),
      colourDiagnostics
    },
    { sink, signal: ctx.signal }
  ).catch(interrupted(term))
  if (typeof result === 'number') return result
  if (!result.build.success) return failureStatus(term, result.build.cancelled)
  const exit = result.exit
  if (!exit || exit.cancelled) return 130
  return exit.exitCode ?? 101
}
