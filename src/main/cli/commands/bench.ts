/** `crate-studio bench`: build the bench harnesses with the `bench` profile and run them, cargo-style. */
import { benchPackage } from '../../engine/run/bench-package'
import { locateManifest } from '../locate-manifest'
import {
  BUILD_OPTIONS,
  parse,
  splitPassthrough,
  PACKAGE_OPTIONS,
  packageSelectionOf,
  TARGET_TRIPLE_HELP,
  TARGET_TRIPLE_OPTIONS,
  UsageError
} from '../parse-args'
import { benchSelectionOf, TARGET_OPTIONS, TARGET_OPTIONS_HELP } from '../target-flags'
import { executableListing, harnessRunStatus, withBuildFinished } from '../harness-status'
import {
  PACKAGE_OPTIONS_HELP,
  interrupted,
  printerFor,
  terminalFor,
  COMMON_BUILD_OPTIONS_HELP,
  writeOut,
  type CliContext,
  engineOptionsOf
} from './shared'

export const BENCH_HELP = `Execute all benchmarks of a local package

Usage: crate-studio bench [OPTIONS] [BENCHNAME] [-- ARGS]...

Arguments:
  [BENCHNAME]  If specified, only run benches containing this string in their names
  [ARGS]...    Arguments for the bench binary

Options:
      --no-run                 Compile, but don't run benchmarks
      --no-fail-fast           Run all benchmarks regardless of failure
${PACKAGE_OPTIONS_HELP}${TARGET_OPTIONS_HELP}      --profile <NAME>         Build artifacts with the specified profile (default: bench)
${TARGET_TRIPLE_HELP}  -j, --jobs <N>               Number of parallel jobs, defaults to # of CPUs
${COMMON_BUILD_OPTIONS_HELP}`

// cargo bench has no --release: its profile is `bench` (release's settings) unless --profile names one.
const { release: _release, ...BUILD_OPTIONS_WITHOUT_RELEASE } = BUILD_OPTIONS

const OPTIONS = {
  ...BUILD_OPTIONS_WITHOUT_RELEASE,
  ...TARGET_OPTIONS,
  ...PACKAGE_OPTIONS,
  ...TARGET_TRIPLE_OPTIONS,
  'no-run': { type: 'boolean' },
  'no-fail-fast': { type: 'boolean' }
} as const

export async function benchCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { own, rest } = splitPassthrough(args)
  const { values, positionals } = parse(own, OPTIONS)
  if (values.help) {
    writeOut(ctx, BENCH_HELP)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' found`)
  const term = terminalFor(ctx, values)
  const { sink, colourDiagnostics, format } = printerFor(term, values)
  const selection = benchSelectionOf(values)
  const engine = engineOptionsOf(values, ctx)
  // cargo hands BENCHNAME to every harness before what follows `--`; unlike `test`, it narrows no targets.
  const harnessArgs = [...positionals, ...rest]
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await benchPackage(
    {
      manifestPath,
      profile: values.profile ?? 'bench',
      ...engine,
      ...(selection ? { selection } : {}),
      packages: packageSelectionOf(values),
      args: harnessArgs,
      noFailFast: values['no-fail-fast'] ?? false,
      noRun: values['no-run'] ?? false,
      quiet: values.quiet ?? false,
      colourDiagnostics
    },
    { sink: withBuildFinished(sink, term, format), signal: ctx.signal }
  ).catch(interrupted(term))
  if (typeof result === 'number') return result
  return harnessRunStatus(result, term, {
    format,
    listing: executableListing({ ...values, format }),
    args: harnessArgs
  })
}
