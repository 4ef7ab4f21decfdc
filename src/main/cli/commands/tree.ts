/** `crate-studio tree`: `cargo tree`, the same text on stdout. */
import { hostTargetData, withTargets } from '../../engine/resolver/feature-resolver/target-data'
import { cargoTree } from '../../engine/tree/cargo-tree'
import type { Charset, Prefix } from '../../engine/tree/print-tree'
import type { TreeOptions } from '../../engine/tree/tree-options'
import { inspectionRustc } from '../../engine/tools/rustc'
import { resolveWorkspace } from '../../engine/workspace/resolve-workspace'
import { COMMON_OPTIONS, oneOf, PACKAGE_OPTIONS, packageSelectionOf, parse, UsageError } from '../parse-args'
import { workspaceOptions } from '../workspace-options'
import { terminalFor, writeOut, type CliContext } from './shared'

export const TREE_HELP = `Display a tree visualization of a dependency graph

Usage: crate-studio tree [OPTIONS]

Options:
  -p, --package <SPEC>          Package to be used as the root of the tree
      --workspace               Display the tree for all packages in the workspace
      --exclude <SPEC>          Exclude specific workspace members
  -i, --invert <SPEC>           Invert the tree direction and focus on the given package
  -d, --duplicates              Show only dependencies which come in multiple versions (implies -i)
  -e, --edges <KINDS>           The kinds of dependencies to display (features, normal, build, dev, all,
                                no-normal, no-build, no-dev, no-proc-macro)
      --target <TRIPLE>         Filter dependencies matching the given target-triple (default host platform).
                                Pass \`all\` to include all targets.
      --depth <DEPTH>           Maximum display depth of the dependency tree
      --prefix <PREFIX>         Change the prefix (indentation) of how each entry is displayed
                                [possible values: depth, indent, none]
      --no-dedupe               Do not de-duplicate (repeats all shared dependencies)
      --prune <SPEC>            Prune the given package from the display of the dependency tree
      --charset <CHARSET>       Character set to use in output [possible values: utf8, ascii]
  -f, --format <FORMAT>         Format string used for printing dependencies [default: {p}]
  -F, --features <FEATURES>     Space or comma separated list of features to activate
      --all-features            Activate all available features
      --no-default-features     Do not activate the \`default\` feature
      --manifest-path <PATH>    Path to Cargo.toml
      --locked                  Assert that \`Cargo.lock\` will remain unchanged
      --offline                 Run without accessing the network
      --frozen                  Equivalent to specifying both --locked and --offline
  -q, --quiet                   Do not print cargo log messages
  -h, --help                    Print help
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...PACKAGE_OPTIONS,
  invert: { type: 'string', short: 'i', multiple: true },
  duplicates: { type: 'boolean', short: 'd' },
  edges: { type: 'string', short: 'e', multiple: true },
  target: { type: 'string', multiple: true },
  depth: { type: 'string' },
  prefix: { type: 'string' },
  'no-dedupe': { type: 'boolean' },
  prune: { type: 'string', multiple: true },
  charset: { type: 'string' },
  format: { type: 'string', short: 'f' },
  features: { type: 'string', short: 'F', multiple: true },
  'all-features': { type: 'boolean' },
  'no-default-features': { type: 'boolean' }
} as const

function depthOf(value: string | undefined): TreeOptions['depth'] {
  if (value === undefined) return undefined
  if (value === 'workspace') return 'workspace'
  if (!/^\d+$/.test(value)) throw new UsageError(`invalid value '${value}' for '--depth <DEPTH>'`)
  return Number(value)
}

export async function treeCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, TREE_HELP)
    return 0
  }
  const term = terminalFor(ctx, values)
  const options = await workspaceOptions(values, ctx)
  const ws = await resolveWorkspace(options)
  for (const warning of ws.warnings) term.warning(warning)
  // Looking, not building: the project's rust-toolchain file does not pick the compiler.
  const rustc = await inspectionRustc(ctx.env)
  const targets = (values.target ?? []).flatMap((t) => t.split(','))
  const triples = targets.filter((t) => t !== 'all' && t !== rustc.host)
  const targetData = await withTargets(hostTargetData(rustc), rustc.path, triples, ctx.env)
  const depth = depthOf(values.depth)
  const result = cargoTree(ws, targetData, {
    ...packageSelectionOf(values),
    features: {
      ...(values.features ? { features: values.features } : {}),
      ...(values['all-features'] ? { allFeatures: true } : {}),
      ...(values['no-default-features'] ? { noDefaultFeatures: true } : {})
    },
    ...(targets.length > 0 ? { targets } : {}),
    ...(values.edges ? { edges: values.edges.flatMap((e) => e.split(',')) } : {}),
    ...(values.invert ? { invert: values.invert } : {}),
    ...(values.prune ? { prune: values.prune } : {}),
    ...(depth !== undefined ? { depth } : {}),
    ...(values.prefix
      ? { prefix: oneOf<Prefix>('prefix', values.prefix, ['indent', 'depth', 'none'], 'indent') }
      : {}),
    ...(values['no-dedupe'] ? { noDedupe: true } : {}),
    ...(values.duplicates ? { duplicates: true } : {}),
    ...(values.charset
      ? { charset: oneOf<Charset>('charset', values.charset, ['utf8', 'ascii'], 'utf8') }
      : {}),
    ...(values.format !== undefined ? { format: values.format } : {})
  })
  for (const warning of result.warnings) term.warning(warning)
  writeOut(ctx, result.text)
  return 0
}
