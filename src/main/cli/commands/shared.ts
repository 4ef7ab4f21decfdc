/** Pieces every build-like command shares: options → engine options, and output set-up. */
import type { FeatureRequest } from '../../engine/resolver/features'
import { eventPrinter, type MessageFormat } from '../event-printer'
import { featureList, oneOf, positiveInt, UsageError } from '../parse-args'
import { createTerminal, useColour, type ColorChoice, type Terminal } from '../terminal'

export interface CliContext {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly stderrIsTty: boolean
  readonly signal: AbortSignal
  /** Overridable for tests; default to the process's streams. */
  readonly out?: (text: string) => void
  readonly err?: (text: string) => void
}

export function writeOut(ctx: CliContext, text: string): void {
  if (ctx.out) ctx.out(text)
  else process.stdout.write(text)
}

export interface CommonValues {
  readonly color?: string
  readonly verbose?: boolean[]
  readonly quiet?: boolean
}

export function terminalFor(ctx: CliContext, v: CommonValues): Terminal {
  const choice = oneOf<ColorChoice>('color', v.color, ['auto', 'always', 'never'], 'auto')
  return createTerminal(useColour(choice, ctx.stderrIsTty, ctx.env), ctx.out, ctx.err)
}

export interface BuildValues extends CommonValues {
  readonly release?: boolean
  readonly profile?: string
  readonly jobs?: string
  readonly features?: string[]
  readonly 'all-features'?: boolean
  readonly 'no-default-features'?: boolean
  readonly 'message-format'?: string
  readonly 'keep-going'?: boolean
}

export function profileOf(v: BuildValues): string {
  if (v.release && v.profile && v.profile !== 'release')
    throw new UsageError('conflicting usage of --profile and --release')
  return v.release ? 'release' : (v.profile ?? 'dev')
}

export function featuresOf(v: BuildValues): FeatureRequest {
  return {
    features: featureList(v.features),
    allFeatures: v['all-features'] ?? false,
    noDefaultFeatures: v['no-default-features'] ?? false
  }
}

export function jobsOf(v: BuildValues): number | undefined {
  return positiveInt('jobs', v.jobs)
}

export function printerFor(term: Terminal, v: BuildValues) {
  const raw = (v['message-format'] ?? 'human').split(',')[0] ?? 'human'
  // cargo's json variants (json-diagnostic-short, …) all print JSON lines.
  const format: MessageFormat = raw.startsWith('json')
    ? 'json'
    : oneOf('message-format', raw, ['human'], 'human')
  return {
    format,
    // JSON consumers get plain renderings, as cargo gives them; a terminal gets colour only if it shows it.
    colourDiagnostics: format === 'human' && term.colour,
    sink: eventPrinter(term, { format, verbose: v.verbose?.length ?? 0, quiet: v.quiet ?? false })
  }
}

/** Exit status for a build that did not succeed: 130 when the user interrupted it, as shells expect. */
export function failureStatus(term: Terminal, cancelled: boolean): number {
  if (!cancelled) return 101
  term.note('the build was interrupted')
  return 130
}

/** Help lines shared by every command that builds (`build`, `run`). */
export const PROFILE_OPTIONS_HELP = `  -r, --release                Build artifacts in release mode, with optimizations
      --profile <NAME>         Build artifacts with the specified profile (dev, release)
  -j, --jobs <N>               Number of parallel jobs, defaults to # of CPUs
`

export const COMMON_BUILD_OPTIONS_HELP = `  -F, --features <FEATURES>    Space or comma separated list of features to activate
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
