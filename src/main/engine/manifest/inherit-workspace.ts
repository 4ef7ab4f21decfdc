/**
 * Workspace inheritance, done on the TOML before the manifest is read, as cargo does: each
 * `field.workspace = true` in `[package]` takes `[workspace.package]`'s value, and each
 * `dep = { workspace = true, … }` takes `[workspace.dependencies]`'s entry plus the member's own
 * `features`, `optional` and `public`. Paths in inherited values are made relative to the member.
 */
import type { ManifestWarning } from '@shared/models/package'
import { existsSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { EngineError } from '../errors'
import type { KeyLocator } from './locate'
import type { TomlObject, TomlValue } from './parse-toml'
import { isTable } from './table-reader'
import { INHERITABLE_PACKAGE_KEYS } from './workspace-table'
import type { WorkspaceRoot } from './workspace-root'

export interface InheritContext {
  readonly file: string
  readonly locator: KeyLocator
  readonly warnings: ManifestWarning[]
  /** Finds the workspace root, only when something is inherited. */
  readonly root: () => WorkspaceRoot | undefined
}

const DEP_TABLES = [
  'dependencies',
  'dev-dependencies',
  'dev_dependencies',
  'build-dependencies',
  'build_dependencies'
]
/** What a member may add to an inherited dependency; anything else is ignored, as cargo ignores it. */
const MEMBER_DEP_KEYS = new Set([
  'workspace',
  'features',
  'optional',
  'default-features',
  'default_features',
  'public'
])
const PATH_KEYS = new Set(['readme', 'license-file'])

const isInherited = (v: unknown): v is TomlObject => isTable(v) && Object.hasOwn(v, 'workspace')

/** Whether a parsed manifest takes anything from a workspace. */
export function usesInheritance(doc: TomlObject): boolean {
  const pkg = doc.package ?? doc.project
  if (isTable(pkg) && Object.values(pkg).some(isInherited)) return true
  if (isInherited(doc.lints)) return true
  return dependencyTables(doc).some((t) => Object.values(t).some(isInherited))
}

function dependencyTables(doc: TomlObject): TomlObject[] {
  const tables: TomlObject[] = []
  const collect = (parent: TomlObject) => {
    for (const key of DEP_TABLES) if (isTable(parent[key])) tables.push(parent[key])
  }
  collect(doc)
  if (isTable(doc.target))
    for (const platform of Object.values(doc.target)) if (isTable(platform)) collect(platform)
  return tables
}

function error(ctx: InheritContext, path: (string | number)[], message: string, hint?: string): EngineError {
  const line = ctx.locator.lineOf(path)
  return new EngineError('manifest-invalid', message, {
    file: ctx.file,
    ...(line ? { line } : {}),
    ...(hint ? { hint } : {})
  })
}

function requireTrue(ctx: InheritContext, path: (string | number)[], value: TomlObject): void {
  if (value.workspace !== true)
    throw error(
      ctx,
      path,
      '`workspace` cannot be false.',
      'Write `workspace = true` to inherit the value, or write the value itself.'
    )
}

function inheritFailure(
  ctx: InheritContext,
  path: (string | number)[],
  what: string,
  from: string,
  cause: string
) {
  return error(
    ctx,
    path,
    `error inheriting \`${what}\` from workspace root manifest's \`${from}\`: ${cause}`,
    'Define it in the workspace root, or write the value in this manifest instead of `workspace = true`.'
  )
}

/** `doc` with every inherited value filled in from the workspace root. */
export function inheritFromWorkspace(doc: TomlObject, ctx: InheritContext): TomlObject {
  if (!usesInheritance(doc)) return doc
  const out: TomlObject = { ...doc }
  const pkgKey = isTable(doc.package) ? 'package' : 'project'
  const pkg = doc[pkgKey]
  if (isTable(pkg)) out[pkgKey] = inheritPackage(pkg, [pkgKey], ctx)
  if (isInherited(doc.lints)) out.lints = inheritLints(doc.lints, ctx)
  const filled = out[pkgKey]
  const edition = isTable(filled) && typeof filled.edition === 'string' ? filled.edition : undefined
  const deps: DepContext = { ...ctx, edition2024: edition === '2024' }
  for (const [key, value] of Object.entries(doc)) {
    if (DEP_TABLES.includes(key) && isTable(value)) out[key] = inheritDeps(value, [key], deps)
  }
  if (isTable(doc.target)) {
    const targets: TomlObject = {}
    for (const [platform, table] of Object.entries(doc.target)) {
      if (!isTable(table)) {
        targets[platform] = table
        continue
      }
      const copy: TomlObject = { ...table }
      for (const key of DEP_TABLES)
        if (isTable(table[key])) copy[key] = inheritDeps(table[key], ['target', platform, key], deps)
      targets[platform] = copy
    }
    out.target = targets
  }
  return out
}

function inheritPackage(pkg: TomlObject, path: string[], ctx: InheritContext): TomlObject {
  const out: TomlObject = { ...pkg }
  for (const [key, value] of Object.entries(pkg)) {
    if (!isInherited(value)) continue
    const here = [...path, key]
    if (!INHERITABLE_PACKAGE_KEYS.has(key))
      throw error(
        ctx,
        here,
        `\`package.${key}\` cannot be inherited from the workspace.`,
        `Write \`${key}\` here.`
      )
    requireTrue(ctx, here, value)
    const root = ctx.root()
    const from = `workspace.package.${key}`
    if (!root) throw inheritFailure(ctx, here, key, from, `no workspace root was found above ${ctx.file}`)
    const inherited = key === 'readme' ? workspaceReadme(root) : root.decl.package[key]
    if (inherited === undefined)
      throw inheritFailure(ctx, here, key, from, `\`${from}\` was not defined in ${root.file}`)
    out[key] = PATH_KEYS.has(key) && typeof inherited === 'string' ? rebase(inherited, root, ctx) : inherited
  }
  return out
}

/**
 * cargo's `readme_for_package` for the workspace: the value written, `true` meaning README.md, or
 * when none is written the root's own README.md, README.txt or README file. `false` gives nothing.
 */
function workspaceReadme(root: WorkspaceRoot): TomlValue | undefined {
  const written = root.decl.package.readme
  if (typeof written === 'string') return written
  if (written === true) return 'README.md'
  if (written === false) return undefined
  return ['README.md', 'README.txt', 'README'].find((f) => existsSync(join(root.rootDir, f)))
}

/** A path written relative to the workspace root, made relative to the member (cargo's pathdiff). */
function rebase(path: string, root: WorkspaceRoot, ctx: InheritContext): string {
  return relative(dirname(ctx.file), join(root.rootDir, path)).split(sep).join('/') || '.'
}

/** `[lints] workspace = true`: the workspace's `[workspace.lints]`, whole. */
function inheritLints(lints: TomlObject, ctx: InheritContext): TomlObject {
  requireTrue(ctx, ['lints'], lints)
  const root = ctx.root()
  const from = 'workspace.lints'
  if (!root)
    throw inheritFailure(ctx, ['lints'], 'lints', from, `no workspace root was found above ${ctx.file}`)
  if (!root.decl.lints)
    throw inheritFailure(ctx, ['lints'], 'lints', from, `\`${from}\` was not defined in ${root.file}`)
  for (const key of Object.keys(lints))
    if (key !== 'workspace')
      ctx.warnings.push({
        file: ctx.file,
        ...lineAt(ctx, ['lints', key]),
        message: `unused manifest key: lints.${key} (with \`workspace = true\` the lints come from \`${from}\`)`
      })
  return root.decl.lints
}

/** Edition 2024 turns an ignored `default-features = false` into an error. */
interface DepContext extends InheritContext {
  readonly edition2024: boolean
}

function inheritDeps(table: TomlObject, path: (string | number)[], ctx: DepContext): TomlObject {
  const out: TomlObject = { ...table }
  for (const [name, value] of Object.entries(table)) {
    if (isInherited(value)) out[name] = inheritDep(name, value, [...path, name], ctx)
  }
  return out
}

function inheritDep(
  name: string,
  member: TomlObject,
  path: (string | number)[],
  ctx: DepContext
): TomlObject {
  requireTrue(ctx, path, member)
  const root = ctx.root()
  const from = `workspace.dependencies.${name}`
  if (!root) throw inheritFailure(ctx, path, name, from, `no workspace root was found above ${ctx.file}`)
  const deps = root.decl.dependencies
  if (!deps)
    throw inheritFailure(ctx, path, name, from, `\`workspace.dependencies\` was not defined in ${root.file}`)
  if (!Object.hasOwn(deps, name))
    throw inheritFailure(
      ctx,
      path,
      name,
      from,
      `\`dependency.${name}\` was not found in \`workspace.dependencies\``
    )
  const entry = deps[name] as TomlValue
  const base: TomlObject = typeof entry === 'string' ? { version: entry } : isTable(entry) ? { ...entry } : {}
  if (typeof base.path === 'string') base.path = rebase(base.path, root, ctx)
  for (const key of Object.keys(member))
    if (!MEMBER_DEP_KEYS.has(key))
      ctx.warnings.push({
        file: ctx.file,
        ...lineAt(ctx, [...path, key]),
        message: `unused manifest key: ${path.join('.')}.${key} (an inherited dependency takes it from \`${from}\`)`
      })
  if (member.features !== undefined && !Array.isArray(member.features))
    throw error(ctx, [...path, 'features'], `\`${path.join('.')}.features\` must be an array of strings.`)
  const features = [...stringList(base.features), ...stringList(member.features)]
  if (features.length) base.features = features
  if (member.optional !== undefined) base.optional = member.optional
  if (member.public !== undefined) base.public = member.public
  const memberDefault = member['default-features'] ?? member.default_features
  const rootDefault = base['default-features'] ?? base.default_features
  if (memberDefault === true && rootDefault === false) base['default-features'] = true
  else if (memberDefault === false && rootDefault !== false && ctx.edition2024)
    throw error(
      ctx,
      path,
      `\`default-features = false\` cannot override workspace's \`default-features\` (for \`${name}\`).`,
      `Set \`default-features = false\` in \`${from}\` and \`default-features = true\` in the members that want them.`
    )
  else if (memberDefault === false && rootDefault !== false)
    ctx.warnings.push({
      file: ctx.file,
      ...lineAt(ctx, path),
      message: `\`default-features\` is ignored for ${name}, since \`default-features\` was ${rootDefault === true ? 'true' : 'not specified'} for \`${from}\`, this could become a hard error in the future`
    })
  return base
}

function stringList(v: TomlValue | undefined): TomlValue[] {
  return Array.isArray(v) ? (v as TomlValue[]) : []
}

function lineAt(ctx: InheritContext, path: (string | number)[]): { line?: number } {
  const line = ctx.locator.lineOf(path)
  return line === undefined ? {} : { line }
}
