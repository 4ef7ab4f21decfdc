/** `crate-studio generate-lockfile`, `update` and `fetch`: cargo's commands over our resolver. */
import { resolveWorkspace } from '../../engine/workspace/resolve-workspace'
import { lockedVersions, reportLockChanges } from '../lock-changes'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { workspaceOptions } from '../workspace-options'
import { terminalFor, writeOut, type CliContext } from './shared'

const COMMON_HELP = `Options:
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
      --manifest-path <PATH>   Path to Cargo.toml
      --locked                 Assert that \`Cargo.lock\` will remain unchanged
      --offline                Run without accessing the network
      --frozen                 Equivalent to specifying both --locked and --offline
  -h, --help                   Print help
`

export const GENERATE_LOCKFILE_HELP = `Generate the lockfile for a package

Usage: crate-studio generate-lockfile [OPTIONS]

${COMMON_HELP}`

export const UPDATE_HELP = `Update dependencies as recorded in the local lock file

Usage: crate-studio update [OPTIONS] [SPEC]...

Arguments:
  [SPEC]...                    Package to update

Options:
  -p, --package [<SPEC>]       Package to update
      --precise <PRECISE>      Update a single dependency to exactly PRECISE when used with -p
${COMMON_HELP.slice('Options:\n'.length)}`

export const FETCH_HELP = `Fetch dependencies of a package from the network

Usage: crate-studio fetch [OPTIONS]

${COMMON_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  package: { type: 'string', short: 'p', multiple: true },
  precise: { type: 'string' }
} as const

async function lockCommand(
  mode: 'generate' | 'update' | 'fetch',
  args: readonly string[],
  ctx: CliContext,
  help: string
): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, help)
    return 0
  }
  const term = terminalFor(ctx, values)
  const specs = [...(values.package ?? []), ...positionals]
  const precise = values.precise
  if (precise !== undefined && (mode !== 'update' || specs.length !== 1))
    throw new UsageError('--precise needs exactly one package (`-p NAME --precise VERSION`)')
  const base = await workspaceOptions(values, ctx)
  const result = await resolveWorkspace({
    ...base,
    ...(mode === 'generate' ? { ignoreLock: true } : {}),
    // fetch downloads every package; the others need only the lock, as cargo's do.
    readPackages: mode === 'fetch',
    ...(mode === 'update' && precise !== undefined
      ? { precise: { name: specs[0]!, version: precise } }
      : mode === 'update'
        ? { update: specs.length > 0 ? specs : (true as const) }
        : {})
  })
  for (const warning of result.warnings) term.warning(warning)
  if (!values.quiet && (mode !== 'fetch' || result.lockWritten)) {
    const before = lockedVersions(
      (result.previousLock ?? []).map((p) => p.id),
      result.members
    )
    const after = lockedVersions(
      // A package [replace]d by a stand-in is still in Cargo.lock (with `replace = …`).
      [...result.resolve.packages.values(), ...(result.resolve.replaced?.values() ?? [])].map((p) => p.id),
      result.members
    )
    const fresh = result.previousLock === undefined
    if (mode !== 'fetch' || fresh || result.lockWritten) reportLockChanges(term, before, after, fresh)
  }
  return 0
}

export const generateLockfileCommand = (args: readonly string[], ctx: CliContext) =>
  lockCommand('generate', args, ctx, GENERATE_LOCKFILE_HELP)
export const updateCommand = (args: readonly string[], ctx: CliContext) =>
  lockCommand('update', args, ctx, UPDATE_HELP)
export const fetchCommand = (args: readonly string[], ctx: CliContext) =>
  lockCommand('fetch', args, ctx, FETCH_HELP)
