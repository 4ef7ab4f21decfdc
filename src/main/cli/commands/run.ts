/** `crate-studio run`: build, then run a binary with the arguments after `--`. */
import { runPackage } from '../../engine/run/run-package'
import { locateManifest } from '../locate-manifest'
import { BUILD_OPTIONS, parse, splitPassthrough } from '../parse-args'
import {
  featuresOf,
  jobsOf,
  printerFor,
  profileOf,
  terminalFor,
  writeOut,
  failureStatus,
  type CliContext
} from './shared'

export const RUN_HELP = `Run a binary of the local package

Usage: crate-studio run [OPTIONS] [-- ARGS]...

Options:
      --bin <NAME>             Name of the bin target to run
  -r, --release                Build artifacts in release mode, with optimizations
      --profile <NAME>         Build artifacts with the specified profile (dev, release)
  -j, --jobs <N>               Number of parallel jobs, defaults to # of CPUs
  -F, --features <FEATURES>    Space or comma separated list of features to activate
      --all-features           Activate all available features
      --no-default-features    Do not activate the \`default\` feature
      --message-format <FMT>   Error format: human, json
      --manifest-path <PATH>   Path to Cargo.toml
      --offline                Run without accessing the network
  -v, --verbose                Use verbose output
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help
`

const OPTIONS = { ...BUILD_OPTIONS, bin: { type: 'string' } } as const

export async function runCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { own, rest } = splitPassthrough(args)
  const { values, positionals } = parse(own, OPTIONS)
  if (values.help) {
    writeOut(ctx, RUN_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const { sink, colourDiagnostics } = printerFor(term, values)
  const jobs = jobsOf(values)
  const profile = profileOf(values)
  const features = featuresOf(values)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await runPackage(
    {
      manifestPath,
      profile,
      ...(jobs ? { jobs } : {}),
      ...(values.bin ? { bin: values.bin } : {}),
      features,
      args: [...positionals, ...rest],
      cwd: ctx.cwd,
      stdio: ctx.out ? 'pipe' : 'inherit',
      env: ctx.env,
      colourDiagnostics
    },
    { sink, signal: ctx.signal }
  )
  if (!result.build.success) return failureStatus(term, result.build.cancelled)
  const exit = result.exit
  if (!exit || exit.cancelled) return 130
  return exit.exitCode ?? 101
}
