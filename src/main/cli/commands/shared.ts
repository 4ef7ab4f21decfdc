/** Pieces every build-like command shares: options → engine options, and output set-up. */
import { homedir } from 'node:os'
import type { BuildOptions } from '../../engine/compiler/build-runner'
import type { FeatureRequest } from '../../engine/resolver/features'
import type { ProgramLauncher } from '../../engine/run/run-package'
import { isEngineError } from '../../engine/errors'
import { cacheDirOf } from '../../engine/workspace/cache-dir'
import { eventPrinter, type MessageFormat } from '../event-printer'
import { featureList, oneOf, positiveInt, targetTripleOf, UsageError } from '../parse-args'
import { createTerminal, useColour, type ColorChoice, type Terminal } from '../terminal'

export interface CliContext {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly stderrIsTty: boolean
  /** The terminal's width for the progress bar (a build server gets its client's). */
  readonly stderrColumns?: number
  readonly signal: AbortSignal
  /** Overridable for tests; default to the process's streams. */
  readonly out?: (text: string) => void
  readonly err?: (text: string) => void
  /** Gives `run`'s program the terminal when it is not this process's (the build server's client). */
  readonly launchProgram?: ProgramLauncher
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
  // cargo draws its progress bar only on a terminal, and `term.progress.when = never` turns it off.
  const progress = ctx.stderrIsTty && ctx.env.CARGO_TERM_PROGRESS_WHEN !== 'never' && !v.quiet
  return createTerminal(
    useColour(choice, ctx.stderrIsTty, ctx.env),
    ctx.out,
    ctx.err,
    progress,
    ctx.stderrColumns
  )
}

export const PACKAGE_OPTIONS_HELP = `  -p, --package <SPEC>         Package to build (see \`cargo help pkgid\`)
      --workspace              Build all packages in the workspace
      --exclude <SPEC>         Exclude packages from the build (with --workspace)
`

export interface BuildValues extends CommonValues {
  readonly release?: boolean
  readonly profile?: string
  readonly jobs?: string
  readonly features?: string[]
  readonly 'all-features'?: boolean
  readonly 'no-default-features'?: boolean
  readonly 'message-format'?: string
  readonly 'keep-going'?: boolean
  readonly offline?: boolean
  readonly locked?: boolean
  readonly frozen?: boolean
}

/** How a build resolves: `--offline`, `--locked`/`--frozen` (frozen also means offline), and the cache folder. */
export function resolveOptionsOf(
  v: BuildValues,
  ctx: CliContext
): Pick<BuildOptions, 'offline' | 'locked' | 'cacheDir' | 'homeDir'> {
  return {
    offline: v.offline === true,
    ...(v.frozen ? { locked: '--frozen' as const } : v.locked ? { locked: '--locked' as const } : {}),
    cacheDir: cacheDirOf(ctx.env),
    homeDir: homedir()
  }
}

/**
 * What every building command (build, run, test, bench) passes the engine from its common
 * flags and its context: `-j`, features, `--target`, where it runs, its environment, and how it
 * resolves.
 */
export function engineOptionsOf(v: BuildValues & { readonly target?: readonly string[] }, ctx: CliContext) {
  const jobs = jobsOf(v)
  const target = targetTripleOf(v)
  return {
    ...(jobs ? { jobs } : {}),
    features: featuresOf(v),
    ...(target !== undefined ? { target } : {}),
    cwd: ctx.cwd,
    env: ctx.env,
    ...resolveOptionsOf(v, ctx)
  }
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

/**
 * For `.catch` on a build: Ctrl-C while dependencies resolve (before anything compiles) ends
 * with the same status and note as an interrupted compile; other errors pass through.
 */
export function interrupted(term: Terminal): (e: unknown) => number {
  return (e) => {
    if (isEngineError(e) && e.code === 'cancelled') return failureStatus(term, true)
    throw e
  }
}

/** Help lines shared by every command that builds (`build`, `run`). */
export const PROFILE_OPTIONS_HELP = `  -r, --release                Build artifacts in release mode, with optimizations
      --profile <NAME>         Build artifacts with the specified profile
  -j, --jobs <N>               Number of parallel jobs, defaults to # of CPUs
`

export const COMMON_BUILD_OPTIONS_HELP = `  -F, --features <FEATURES>    Space or comma separated list of features to activate
      --all-features           Activate all available features
      --no-default-features    Do not activate the \`default\` feature
      --message-format <FMT>   Error format: human, json
      --manifest-path <PATH>   Path to Cargo.toml
      --locked                 Assert that \`Cargo.lock\` will remain unchanged
      --offline                Run without accessing the network
      --frozen                 Equivalent to specifying both --locked and --offline
  -v, --verbose                Use verbose output
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help
`
