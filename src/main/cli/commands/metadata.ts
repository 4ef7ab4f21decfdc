/** `crate-studio metadata`: `cargo metadata --format-version 1`, the same JSON on stdout. */
import { hostTargetData, withTargets } from '../../engine/resolver/feature-resolver/target-data'
import { cargoMetadata } from '../../engine/metadata/cargo-metadata'
import { inspectionRustc } from '../../engine/tools/rustc'
import { membersOnlyWorkspace } from '../../engine/workspace/members-only'
import { resolveWorkspace } from '../../engine/workspace/resolve-workspace'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { workspaceOptions } from '../workspace-options'
import { terminalFor, writeOut, type CliContext } from './shared'

export const METADATA_HELP = `Output the resolved dependencies of a package in machine-readable format

Usage: crate-studio metadata [OPTIONS]

Options:
      --format-version <VERSION>  Format version [possible values: 1]
      --no-deps                   Output information only about the workspace members
      --filter-platform <TRIPLE>  Only include resolve dependencies matching the given target-triple
  -F, --features <FEATURES>       Space or comma separated list of features to activate
      --all-features              Activate all available features
      --no-default-features       Do not activate the \`default\` feature
      --manifest-path <PATH>      Path to Cargo.toml
      --locked                    Assert that \`Cargo.lock\` will remain unchanged
      --offline                   Run without accessing the network
      --frozen                    Equivalent to specifying both --locked and --offline
  -q, --quiet                     Do not print cargo log messages
  -h, --help                      Print help
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  'format-version': { type: 'string' },
  'no-deps': { type: 'boolean' },
  'filter-platform': { type: 'string', multiple: true },
  features: { type: 'string', short: 'F', multiple: true },
  'all-features': { type: 'boolean' },
  'no-default-features': { type: 'boolean' }
} as const

export async function metadataCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, METADATA_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const format = values['format-version']
  if (format !== undefined && format !== '1')
    throw new UsageError(`invalid value '${format}' for '--format-version <VERSION>' [possible values: 1]`)
  if (format === undefined)
    term.warning('please specify `--format-version` flag explicitly to avoid compatibility problems')
  const options = await workspaceOptions(values, ctx)
  let ws
  if (values['no-deps']) ws = await membersOnlyWorkspace(options)
  else {
    const resolved = await resolveWorkspace(options)
    for (const warning of resolved.warnings) term.warning(warning)
    ws = resolved
  }
  const platforms = values['filter-platform'] ?? []
  // Looking, not building: the project's rust-toolchain file does not pick the compiler.
  const rustc = await inspectionRustc(ctx.env)
  // Filtered platforms need their cfg even when one is the host (data is keyed by triple).
  const targetData = await withTargets(hostTargetData(rustc), rustc.path, platforms, ctx.env)
  const json = await cargoMetadata(ws, {
    ...(values['no-deps'] ? { noDeps: true } : {}),
    features: {
      ...(values.features ? { features: values.features } : {}),
      ...(values['all-features'] ? { allFeatures: true } : {}),
      ...(values['no-default-features'] ? { noDefaultFeatures: true } : {})
    },
    ...(platforms.length > 0 ? { filterPlatforms: platforms } : {}),
    targetData
  })
  writeOut(ctx, json.endsWith('\n') ? json : `${json}\n`)
  return 0
}
