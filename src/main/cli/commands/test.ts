/** `crate-studio test`: build the test harnesses and run them, cargo-style. */
import { DEFAULT_TEST_SELECTION, testPackage } from '../../engine/run/test-package'
import { locateManifest } from '../locate-manifest'
import { BUILD_OPTIONS, parse, splitPassthrough, PACKAGE_OPTIONS, packageSelectionOf } from '../parse-args'
import { TARGET_OPTIONS, TARGET_OPTIONS_HELP, targetSelectionOf } from '../target-flags'
import {
  PACKAGE_OPTIONS_HELP,
  featuresOf,
  interrupted,
  jobsOf,
  printerFor,
  profileOf,
  resolveOptionsOf,
  terminalFor,
  PROFILE_OPTIONS_HELP,
  COMMON_BUILD_OPTIONS_HELP,
  writeOut,
  failureStatus,
  type CliContext
} from './shared'

export const TEST_HELP = `Execute all unit and integration tests and build examples of a local package

Usage: crate-studio test [OPTIONS] [TESTNAME] [-- ARGS]...

Arguments:
  [TESTNAME]  If specified, only run tests containing this string in their names
  [ARGS]...   Arguments for the test binary

Options:
      --no-run                 Compile, but don't run tests
      --no-fail-fast           Run all tests regardless of failure
${PACKAGE_OPTIONS_HELP}${TARGET_OPTIONS_HELP}${PROFILE_OPTIONS_HELP}${COMMON_BUILD_OPTIONS_HELP}`

const OPTIONS = {
  ...BUILD_OPTIONS,
  ...TARGET_OPTIONS,
  ...PACKAGE_OPTIONS,
  'no-run': { type: 'boolean' },
  'no-fail-fast': { type: 'boolean' }
} as const

export async function testCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { own, rest } = splitPassthrough(args)
  const { values, positionals } = parse(own, OPTIONS)
  if (values.help) {
    writeOut(ctx, TEST_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const { sink, colourDiagnostics } = printerFor(term, values)
  const jobs = jobsOf(values)
  // `cargo test` builds with the test profile (dev's settings); --release and --profile as given.
  const chosen = profileOf(values)
  const profile = chosen === 'dev' && !values.profile ? 'test' : chosen
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await testPackage(
    {
      manifestPath,
      profile,
      ...(jobs ? { jobs } : {}),
      selection: targetSelectionOf(values, 'test') ?? DEFAULT_TEST_SELECTION,
      packages: packageSelectionOf(values),
      features: featuresOf(values),
      args: [...positionals, ...rest, ...(values.quiet ? ['--quiet'] : [])],
      noFailFast: values['no-fail-fast'] ?? false,
      noRun: values['no-run'] ?? false,
      cwd: ctx.cwd,
      env: ctx.env,
      ...resolveOptionsOf(values, ctx),
      colourDiagnostics
    },
    { sink, signal: ctx.signal }
  ).catch(interrupted(term))
  if (typeof result === 'number') return result
  if (!result.build.success) return failureStatus(term, result.build.cancelled)
  if (!result.tests) return 0
  if (result.tests.cancelled) return 130
  return result.tests.exitCode
}
