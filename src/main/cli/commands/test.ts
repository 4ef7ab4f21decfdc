/** `crate-studio test`: build the test harnesses and run them, then the doc tests, cargo-style. */
import { EngineError } from '../../engine/errors'
import type { TargetSelection } from '../../engine/compiler/unit-graph'
import { testPackage, type DocTestMode } from '../../engine/run/test-package'
import { executableListing, harnessRunStatus, withBuildFinished } from '../harness-status'
import { locateManifest } from '../locate-manifest'
import {
  BUILD_OPTIONS,
  parse,
  splitPassthrough,
  PACKAGE_OPTIONS,
  packageSelectionOf,
  TARGET_TRIPLE_HELP,
  TARGET_TRIPLE_OPTIONS
} from '../parse-args'
import { TARGET_OPTIONS, TARGET_OPTIONS_HELP, targetSelectionOf, type TargetValues } from '../target-flags'
import {
  PACKAGE_OPTIONS_HELP,
  interrupted,
  printerFor,
  profileOf,
  terminalFor,
  PROFILE_OPTIONS_HELP,
  COMMON_BUILD_OPTIONS_HELP,
  writeOut,
  type CliContext,
  engineOptionsOf
} from './shared'

export const TEST_HELP = `Execute all unit and integration tests and build examples of a local package

Usage: crate-studio test [OPTIONS] [TESTNAME] [-- ARGS]...

Arguments:
  [TESTNAME]  If specified, only run tests containing this string in their names
  [ARGS]...   Arguments for the test binary

Options:
      --no-run                 Compile, but don't run tests
      --no-fail-fast           Run all tests regardless of failure
      --doc                    Test only this library's documentation
${PACKAGE_OPTIONS_HELP}${TARGET_OPTIONS_HELP}${PROFILE_OPTIONS_HELP}${TARGET_TRIPLE_HELP}${COMMON_BUILD_OPTIONS_HELP}`

const OPTIONS = {
  ...BUILD_OPTIONS,
  ...TARGET_OPTIONS,
  ...PACKAGE_OPTIONS,
  ...TARGET_TRIPLE_OPTIONS,
  'no-run': { type: 'boolean' },
  'no-fail-fast': { type: 'boolean' },
  doc: { type: 'boolean' }
} as const

interface TestTargets {
  readonly selection?: TargetSelection
  readonly docTests: DocTestMode
}

/**
 * cargo's choice of what to test: `--doc` alone tests the library's documentation; target flags
 * pick harnesses and skip doc tests; so does a TESTNAME, which also leaves examples out (cargo's
 * `all_test_targets`); with neither, every harness and then the doc tests.
 */
function testTargets(
  values: TargetValues & { doc?: boolean; 'no-run'?: boolean },
  name?: string
): TestTargets {
  const flags = targetSelectionOf(values, 'test')
  if (values.doc) {
    if (flags)
      throw new EngineError('invalid-input', "can't mix --doc with other target selecting options", {
        hint: 'Run `--doc` on its own, and the other targets in a second command.'
      })
    if (values['no-run'])
      throw new EngineError('invalid-input', "can't skip running doc tests with --no-run", {
        hint: 'Leave out `--no-run`: doc tests are compiled and run in one step.'
      })
    return { docTests: 'only' }
  }
  if (flags) return { selection: flags, docTests: 'none' }
  if (name !== undefined) return { selection: targetSelectionOf({ tests: true }, 'test')!, docTests: 'none' }
  return { docTests: 'also' }
}

export async function testCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { own, rest } = splitPassthrough(args)
  const { values, positionals } = parse(own, OPTIONS)
  if (values.help) {
    writeOut(ctx, TEST_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const { sink, colourDiagnostics, format } = printerFor(term, values)
  const targets = testTargets(values, positionals[0])
  const engine = engineOptionsOf(values, ctx)
  const harnessArgs = [...positionals, ...rest]
  // `cargo test` builds with the test profile (dev's settings); --release and --profile as given.
  const chosen = profileOf(values)
  const profile = chosen === 'dev' && !values.profile ? 'test' : chosen
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const result = await testPackage(
    {
      manifestPath,
      profile,
      ...engine,
      ...targets,
      packages: packageSelectionOf(values),
      args: [...harnessArgs, ...(values.quiet ? ['--quiet'] : [])],
      noFailFast: values['no-fail-fast'] ?? false,
      noRun: values['no-run'] ?? false,
      colourDiagnostics,
      messageFormat: format
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
