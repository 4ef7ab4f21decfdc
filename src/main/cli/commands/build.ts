/** `crate-studio build`: compile the package, cargo-style. */
import { buildFinishedMessage } from '../../engine/compat/cargo-messages'
import { runBuild } from '../../engine/compiler/build-runner'
import { locateManifest } from '../locate-manifest'
import {
  BUILD_OPTIONS,
  PACKAGE_OPTIONS,
  packageSelectionOf,
  parse,
  TARGET_TRIPLE_HELP,
  TARGET_TRIPLE_OPTIONS,
  UsageError
} from '../parse-args'
import { TARGET_OPTIONS, TARGET_OPTIONS_HELP, targetSelectionOf } from '../target-flags'
import {
  interrupted,
  printerFor,
  profileOf,
  terminalFor,
  PROFILE_OPTIONS_HELP,
  PACKAGE_OPTIONS_HELP,
  COMMON_BUILD_OPTIONS_HELP,
  writeOut,
  failureStatus,
  type CliContext,
  engineOptionsOf
} from './shared'

export const BUILD_HELP = `Compile a package and all of its dependencies

Usage: crate-studio build [OPTIONS]

Options:
${PACKAGE_OPTIONS_HELP}${TARGET_OPTIONS_HELP}${PROFILE_OPTIONS_HELP}${TARGET_TRIPLE_HELP}      --keep-going             Do not abort the build as soon as there is an error
${COMMON_BUILD_OPTIONS_HELP}`

const OPTIONS = { ...BUILD_OPTIONS, ...TARGET_OPTIONS, ...PACKAGE_OPTIONS, ...TARGET_TRIPLE_OPTIONS } as const

export async function buildCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, BUILD_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' found`)
  const term = terminalFor(ctx, values)
  const { format, sink, colourDiagnostics } = printerFor(term, values)
  const engine = engineOptionsOf(values, ctx)
  const profile = profileOf(values)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await runBuild(
    {
      manifestPath,
      profile,
      ...engine,
      selection: targetSelectionOf(values, 'build') ?? { lib: true, bins: 'all' },
      packages: packageSelectionOf(values),
      keepGoing: values['keep-going'] ?? false,
      colourDiagnostics
    },
    { sink, signal: ctx.signal }
  ).catch(interrupted(term))
  if (typeof result === 'number') return result
  if (format === 'json') term.stdout(`${buildFinishedMessage(result.success)}\n`)
  return result.success ? 0 : failureStatus(term, result.cancelled)
}
