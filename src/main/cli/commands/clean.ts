/** `crate-studio clean`: remove what builds wrote to the target folder, cargo-style. */
import { homedir } from 'node:os'
import { cleanTarget } from '../../engine/compiler/clean'
import { locateManifest } from '../locate-manifest'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { interrupted, printerFor, terminalFor, writeOut, type CliContext } from './shared'

export const CLEAN_HELP = `Remove artifacts that cargo has generated in the past

Usage: crate-studio clean [OPTIONS]

Options:
  -r, --release                Whether or not to clean release artifacts
      --profile <NAME>         Clean artifacts of the specified profile
  -n, --dry-run                Display what would be deleted without deleting anything
      --manifest-path <PATH>   Path to Cargo.toml
  -v, --verbose                Use verbose output
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  release: { type: 'boolean', short: 'r' },
  profile: { type: 'string' },
  'dry-run': { type: 'boolean', short: 'n' }
} as const

/** Where each profile's artifacts live under target/: dev and test share `debug`. */
function profileDir(name: string | undefined): string | undefined {
  if (name === undefined) return undefined
  if (name === 'dev' || name === 'test') return 'debug'
  if (name === 'bench') return 'release'
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new UsageError(`invalid profile name \`${name}\``)
  return name
}

export async function cleanCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, CLEAN_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' found`)
  if (values.release && values.profile && values.profile !== 'release')
    throw new UsageError('conflicting usage of --profile and --release')
  const term = terminalFor(ctx, values)
  const { sink } = printerFor(term, { ...values, 'message-format': undefined })
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const dir = profileDir(values.release ? 'release' : values.profile)
  const result = await cleanTarget(
    {
      manifestPath,
      cwd: ctx.cwd,
      env: ctx.env,
      homeDir: homedir(),
      ...(dir ? { profileDir: dir } : {}),
      ...(values['dry-run'] ? { dryRun: true } : {})
    },
    sink,
    ctx.signal
  ).catch(interrupted(term))
  if (typeof result === 'number') return result
  if (values['dry-run']) term.warning('no files deleted due to --dry-run')
  return 0
}
