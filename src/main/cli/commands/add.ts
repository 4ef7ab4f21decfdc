/**
 * `crate-studio add`: `cargo add`, writing the bytes cargo writes: a version given as
 * `name@req`, a `--path` or `--git` package (read from disk or the repository), a crate already
 * in the manifest (its source is reused), or the newest fitting version in the registry.
 */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { addDependency } from '../../engine/manifest/edit/add-dependency'
import { mergeDependency } from '../../engine/manifest/edit/dependency-model'
import { existingDependency } from '../../engine/manifest/edit/existing-dependency'
import { buildLayout } from '../../engine/manifest/edit/layout'
import { assignFeatures } from '../add-features'
import { refuseManifestChange, updateLock } from '../update-lock'
import { resolveRequests } from '../add-requests'
import { parseCrateSpec } from '../crate-spec'
import { actionMessage, checkRequestedFeatures, featureLines } from '../dependency-report'
import { tableOf } from '../dependency-section'
import { locateManifest } from '../locate-manifest'
import { readManifestText, withManifestFile, writeManifestText } from '../manifest-file'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { terminalFor, writeOut, type CliContext } from './shared'
import { homedir } from 'node:os'
import { parseManifestText } from '../../engine/manifest/read-manifest'
import { cacheDirOf } from '../../engine/workspace/cache-dir'
import { latestVersion } from '../../engine/workspace/latest-version'

export const ADD_HELP = `Add dependencies to a Cargo.toml manifest file

Usage: crate-studio add [OPTIONS] <DEP_ID>[@<VERSION>] ...
       crate-studio add [OPTIONS] --path <PATH> [<DEP_ID>]
       crate-studio add [OPTIONS] --git <URL> [<DEP_ID>]...

Examples:
  $ crate-studio add serde@1.0 --features derive
  $ crate-studio add --path ../my-lib --dev
  $ crate-studio add --git https://github.com/rust-lang/regex.git --tag 1.10.0

Options:
  -F, --features <FEATURES>    Space or comma separated list of features to activate
      --no-default-features    Disable the default features
      --default-features       Re-enable the default features
      --optional               Mark the dependency as optional (and add its \`dep:\` feature)
      --no-optional            Mark the dependency as required
      --rename <NAME>          Rename the dependency (the key in the table)
      --dry-run                Don't actually write the manifest
      --manifest-path <PATH>   Path to Cargo.toml
      --offline                Run without accessing the network
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help

Source:
      --path <PATH>            Filesystem path to local crate to add
      --git <URI>              Git repository location
      --branch <BRANCH>        Git branch to download the crate from
      --tag <TAG>              Git tag to download the crate from
      --rev <REV>              Git reference to download the crate from

Section:
      --dev                    Add as development dependency
      --build                  Add as build dependency
      --target <TARGET>        Add as dependency to the given target platform

Without a version, the newest one that fits is taken from the registry that
.cargo/config.toml serves crates.io from (or the version the manifest already has).
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  features: { type: 'string', short: 'F', multiple: true },
  'no-default-features': { type: 'boolean' },
  'default-features': { type: 'boolean' },
  optional: { type: 'boolean' },
  'no-optional': { type: 'boolean' },
  rename: { type: 'string' },
  'dry-run': { type: 'boolean' },
  path: { type: 'string' },
  git: { type: 'string' },
  branch: { type: 'string' },
  tag: { type: 'string' },
  rev: { type: 'string' },
  dev: { type: 'boolean' },
  build: { type: 'boolean' },
  target: { type: 'string' }
} as const

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values']

function conflicts(values: Values, pairs: readonly (readonly [keyof Values, keyof Values])[]): void {
  for (const [a, b] of pairs)
    if (values[a] !== undefined && values[b] !== undefined)
      throw new UsageError(`the argument '--${a}' cannot be used with '--${b}'`)
}

export async function addCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, ADD_HELP)
    return 0
  }
  conflicts(values, [
    ['dev', 'build'],
    ['git', 'path'],
    ['branch', 'tag'],
    ['branch', 'rev'],
    ['tag', 'rev'],
    ['optional', 'no-optional'],
    ['default-features', 'no-default-features']
  ])
  for (const r of ['branch', 'tag', 'rev'] as const)
    if (values[r] !== undefined && values.git === undefined)
      throw new UsageError(`the argument '--${r}' requires '--git'`)
  if (positionals.length === 0 && values.path === undefined && values.git === undefined)
    throw new UsageError(
      'the following required arguments were not provided: <DEP_ID|--path <PATH>|--git <URI>>'
    )
  if (values.rename !== undefined && positionals.length > 1)
    throw new UsageError('cannot specify multiple crates with `--rename`')
  if (values.path !== undefined && positionals.length > 1)
    throw new UsageError('cannot specify multiple crates with `--path`')
  const term = terminalFor(ctx, values)
  const table: DependencyTable = tableOf(values)
  const crates = [...new Set(positionals)].map((arg) => ({ arg, ...parseCrateSpec(arg) }))
  const features = assignFeatures([...new Set(positionals)], values.features)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const original = await readManifestText(manifestPath)
  const status = (verb: string, detail: string) => {
    if (!values.quiet) term.status(verb, detail)
  }
  const requests = await resolveRequests(values, crates, features, {
    text: original,
    manifestPath,
    cwd: ctx.cwd,
    table,
    status,
    env: ctx.env,
    lookup: async (name, req) => {
      const rustVersion = parseManifestText(original.replace(/^\uFEFF/, ''), manifestPath).package.rustVersion
      return latestVersion(
        name,
        {
          manifestPath,
          env: ctx.env,
          homeDir: homedir(),
          cacheDir: cacheDirOf(ctx.env),
          offline: values.offline === true || values.frozen === true,
          ...(rustVersion !== undefined ? { rustVersion } : {})
        },
        req
      )
    }
  })
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text = original.slice(bom.length)
  for (const request of requests) {
    const existing = existingDependency(buildLayout(text), request.key, table)
    const dep = mergeDependency(
      request.key,
      request.spec,
      existing?.sameTable ? existing.dependency : undefined
    )
    status('Adding', actionMessage(dep, table))
    if (request.pkg) checkRequestedFeatures(dep, request.pkg)
    if (!values.quiet)
      for (const line of featureLines(dep, request.pkg, term.colour)) term.stderr(`${line}\n`)
    const result = withManifestFile(manifestPath, () => addDependency(text, table, request.key, request.spec))
    text = result.text
    if (result.addedFeature) status('Adding', `feature \`${request.key}\``)
  }
  if (values['dry-run']) {
    term.warning('aborting add due to dry run')
    return 0
  }
  if (bom + text !== original) {
    refuseManifestChange(manifestPath, values)
    await writeManifestText(manifestPath, bom + text)
  }
  await updateLock(manifestPath, ctx, values, term)
  return 0
}
