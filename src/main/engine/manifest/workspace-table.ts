/**
 * `[workspace]`: which folders are members, which are not, what commands build by default,
 * the resolver, and what members may inherit (`[workspace.package]`, `[workspace.dependencies]`).
 * The inheritable tables are kept as raw TOML: members take values from them key by key.
 */
import type { JsonValue } from './model'
import type { TomlObject } from './parse-toml'
import { isTable, type TableReader } from './table-reader'
import { tomlToJson } from './toml-json'

export interface WorkspaceDecl {
  /** `members` as written (paths or globs, relative to the root); undefined when absent. */
  readonly members?: readonly string[]
  readonly exclude: readonly string[]
  readonly defaultMembers?: readonly string[]
  readonly resolver?: string
  /** `[workspace.package]`: the fields members take with `field.workspace = true`. */
  readonly package: TomlObject
  /** `[workspace.dependencies]`: the entries members take with `dep.workspace = true`. */
  readonly dependencies?: TomlObject
  /** Whether `[workspace.lints]` is there (`cargo new` then writes `[lints] workspace = true`). */
  readonly hasLints: boolean
  /** `[workspace.lints]`, which members take with `[lints] workspace = true`. */
  readonly lints?: TomlObject
  /** `[workspace.metadata]`, passed through by `cargo metadata`. */
  readonly metadata?: JsonValue
  /** The lines of the keys above, for errors that point into the root manifest. */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined
}

const WORKSPACE_KEYS = new Set([
  'members',
  'exclude',
  'default-members',
  'resolver',
  'package',
  'dependencies',
  'metadata',
  'lints'
])

// prettier-ignore
/** The `[package]` keys a member may take from `[workspace.package]`. */
export const INHERITABLE_PACKAGE_KEYS = new Set([
  'version', 'authors', 'description', 'documentation', 'readme', 'homepage', 'repository', 'license',
  'license-file', 'keywords', 'categories', 'publish', 'edition', 'rust-version', 'exclude', 'include'
])

export function readWorkspaceTable(t: TableReader): WorkspaceDecl {
  const resolver = t.string('resolver')
  if (resolver !== undefined && !['1', '2', '3'].includes(resolver))
    throw t.error(
      'resolver',
      `Unknown resolver \`${resolver}\` in \`workspace.resolver\`.`,
      'Use "1", "2" or "3".'
    )
  const pkg = t.subtable('package')
  if (pkg) {
    for (const key of pkg.keys())
      if (!INHERITABLE_PACKAGE_KEYS.has(key)) pkg.warn(key, `unused manifest key: workspace.package.${key}`)
  }
  const deps = t.subtable('dependencies')
  if (deps) {
    for (const name of deps.keys()) {
      const value = deps.table[name]
      if (isTable(value) && value.optional === true)
        throw deps.error(
          name,
          `${name} is optional, but workspace dependencies cannot be optional.`,
          `Remove \`optional\` from \`workspace.dependencies.${name}\`, and write \`optional = true\` in the members that need it.`
        )
    }
  }
  const metadata = t.raw('metadata')
  const decl: WorkspaceDecl = {
    ...optional('members', t.stringArray('members')),
    exclude: t.stringArray('exclude') ?? [],
    ...optional('defaultMembers', t.stringArray('default-members')),
    ...optional('resolver', resolver),
    package: pkg?.table ?? {},
    ...optional('dependencies', deps?.table),
    ...optional('metadata', metadata ? tomlToJson(metadata.value) : undefined),
    hasLints: t.has('lints'),
    ...optional('lints', t.subtable('lints')?.table),
    lineOf: (path) => t.ctx.locator.lineOf(['workspace', ...path])
  }
  t.warnUnused(WORKSPACE_KEYS)
  return decl
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
