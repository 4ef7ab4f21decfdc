/** `crate-studio new <path>`: create a package the way `cargo new` does. */
import { basename, dirname, join, resolve } from 'node:path'
import { EDITIONS, type Edition } from '@shared/models/package'
import type { NewPackageOptions } from '@shared/models/new-package'
import { EngineError } from '../../engine/errors'
import { createNewPackage, planNewPackage } from '../../engine/scaffold/new-package'
import { loadWorkspace } from '../../engine/workspace/load-workspace'
import { COMMON_OPTIONS, oneOf, parse, UsageError } from '../parse-args'
import { terminalFor, writeOut, type CliContext } from './shared'

export const NEW_HELP = `Create a new Rust package at <PATH>

Usage: crate-studio new [OPTIONS] <PATH>

Options:
      --bin                    Use a binary (application) template [default]
      --lib                    Use a library template
      --name <NAME>            Set the resulting package name, defaults to the directory name
      --edition <YEAR>         Edition to set for the generated crate: 2015, 2018, 2021, 2024 [default: 2024]
      --vcs <VCS>              Initialize a new repository: git, none [default: git]
      --author <NAME>          Add an author, e.g. "Ferris <ferris@example.com>" (repeatable)
      --license <SPDX>         Set package.license, e.g. "MIT OR Apache-2.0"
      --description <TEXT>     Set package.description
      --color <WHEN>           Coloring: auto, always, never
  -q, --quiet                  Do not print cargo log messages
  -h, --help                   Print help
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  bin: { type: 'boolean' },
  lib: { type: 'boolean' },
  name: { type: 'string' },
  edition: { type: 'string' },
  vcs: { type: 'string' },
  author: { type: 'string', multiple: true },
  license: { type: 'string' },
  description: { type: 'string' }
} as const

export async function newCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, NEW_HELP)
    return 0
  }
  if (positionals.length !== 1)
    throw new UsageError('the following required argument was not provided: <PATH>')
  if (values.bin && values.lib) throw new UsageError("the argument '--bin' cannot be used with '--lib'")
  const term = terminalFor(ctx, values)
  const path = resolve(ctx.cwd, positionals[0]!)
  const options: NewPackageOptions = {
    path,
    name: values.name ?? basename(path),
    kind: values.lib ? 'lib' : 'bin',
    edition: oneOf<Edition>('edition', values.edition, EDITIONS, '2024'),
    version: '0.1.0',
    authors: values.author ?? [],
    ...(values.license !== undefined ? { license: values.license } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    vcs: oneOf('vcs', values.vcs, ['git', 'none'], 'git')
  }
  const what = options.kind === 'bin' ? 'binary (application)' : 'library'
  if (!values.quiet) term.status('Creating', `${what} \`${options.name}\` package`)
  const plan = await planNewPackage(options)
  const first = plan.problems.find((p) => p.severity === 'error')
  if (first) {
    const hint =
      first.field === 'name' && !values.name
        ? 'the directory name is used as the package name; pass --name to override it'
        : undefined
    throw new EngineError(
      first.field === 'name' ? 'invalid-name' : 'already-exists',
      first.message,
      hint ? { hint } : {}
    )
  }
  for (const w of plan.problems.filter((p) => p.severity === 'warning')) term.warning(w.message)
  const created = await createNewPackage(options)
  const ws = created.workspace
  if (ws?.rootChange && !values.quiet)
    term.status('Adding', `\`${options.name}\` as member of workspace at \`${dirname(ws.rootManifest)}\``)
  // As cargo: the workspace the package joined is read once, and what is wrong with it said.
  if (ws) {
    await loadWorkspace(join(options.path, 'Cargo.toml')).then(
      (loaded) => loaded.warnings.forEach((w) => term.warning(w)),
      (e: unknown) =>
        term.warning(
          `compiling this new package may not work due to invalid workspace configuration\n\n${e instanceof Error ? e.message : String(e)}`
        )
    )
  }
  if (!values.quiet)
    term.note(
      'see more `Cargo.toml` keys and their definitions at https://doc.rust-lang.org/cargo/reference/manifest.html'
    )
  return 0
}
