/**
 * "Promote to workspace dependency": a dependency several members declare moves into the root's
 * `[workspace.dependencies]`, and each member's entry becomes `{ workspace = true, … }`, keeping
 * what is its own (features, `optional`, turning default features back on). The result builds
 * exactly what was built before: the entry takes the members' common source and the highest of
 * their (compatible) requirements, which the lock already satisfies; members whose source or
 * requirement would change are refused, not rewritten. Pure: texts in, texts out.
 */
import { dirname, relative, resolve, sep } from 'node:path'
import type { DependencySpec, DependencyTable, ManifestEdit, TomlJson } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import { dependencyFromToml, type CargoDependency } from './dependency-model'
import { dependencyTablePath, dependencyTables, entryOf, nodeValue } from './dependency-tables'
import { buildLayout } from './layout'
import { applyManifestEdits } from './manifest-editor'

export interface ManifestText {
  readonly path: string
  readonly text: string
}

export interface PromotionInput {
  /** The workspace root manifest. */
  readonly root: ManifestText
  /** The members' manifests (the root's too when it is a package). */
  readonly members: readonly ManifestText[]
  /** The dependency's key in the members' tables. */
  readonly name: string
}

export interface PromotedFile {
  readonly path: string
  readonly before: string
  readonly after: string
}

export interface Promotion {
  /** Every file that changes, root first. */
  readonly files: readonly PromotedFile[]
  /** The `[workspace.dependencies]` entry written. */
  readonly entry: DependencySpec
  /** Members that declare it, by manifest path. */
  readonly members: readonly string[]
}

interface Found {
  readonly file: ManifestText
  readonly table: DependencyTable
  readonly dep: CargoDependency
}

function refuse(message: string, hint: string): EngineError {
  return new EngineError('invalid-input', message, { hint })
}

/** `[workspace.dependencies]`'s entry for the name, read as a member's would be. */
function workspaceEntry(input: PromotionInput): Found | undefined {
  const root = buildLayout(input.root.text.replace(/^\uFEFF/, '')).root
  const ws = root.children.get('workspace')
  const deps = ws?.kind === 'table' ? ws.children.get('dependencies') : undefined
  const entry = deps ? entryOf(deps, input.name) : undefined
  if (!entry) return undefined
  return {
    file: input.root,
    table: { kind: 'normal' },
    dep: dependencyFromToml(input.name, nodeValue(entry))
  }
}

function entriesIn(file: ManifestText, name: string): Found[] {
  const layout = buildLayout(file.text.replace(/^\uFEFF/, ''))
  const found: Found[] = []
  for (const { table, node } of dependencyTables(layout)) {
    const entry = entryOf(node, name)
    if (!entry) continue
    const raw = nodeValue(entry)
    // cargo's model of an entry has no registry-index: such a source would silently become crates.io.
    if (typeof raw === 'object' && raw !== null && 'registry-index' in raw)
      throw refuse(
        `\`${name}\` names its registry by \`registry-index\` in ${file.path}; it cannot be promoted as it is.`,
        'Name the registry in .cargo/config.toml and write `registry = "<name>"` instead.'
      )
    found.push({ file, table, dep: dependencyFromToml(name, raw) })
  }
  return found
}

/** A caret-style requirement's lower bound and compatibility bucket; undefined for other forms. */
function caret(req: string): { readonly bound: readonly number[]; readonly bucket: string } | undefined {
  const m = /^\s*\^?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(req)
  if (!m) return undefined
  const [major, minor, patch] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)]
  const bucket = major > 0 ? `${major}` : minor > 0 || m[2] === undefined ? `0.${minor}` : `0.0.${patch}`
  return { bound: [major, minor, patch], bucket }
}

const greater = (a: readonly number[], b: readonly number[]) =>
  a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!

/** The members' one requirement: equal texts, or caret forms of one major whose highest bound is taken. */
function commonRequirement(name: string, found: readonly Found[]): string | undefined {
  const reqs = found.map((f) =>
    f.dep.source && f.dep.source.type !== 'workspace' ? f.dep.source.version : undefined
  )
  const written = [...new Set(reqs)]
  if (written.length <= 1) return written[0]
  const parsed = written.map((r) => (r === undefined ? undefined : { text: r, c: caret(r) }))
  const buckets = new Set(parsed.map((p) => p?.c?.bucket))
  if (buckets.size > 1 || buckets.has(undefined))
    throw refuse(
      `The members ask for incompatible versions of \`${name}\`: ${found.map((f, i) => `${reqs[i] ?? 'none'} in ${f.file.path}`).join(', ')}.`,
      'A workspace dependency has one requirement: align the members first.'
    )
  return parsed.reduce((best, p) => (greater(p!.c!.bound, best!.c!.bound) > 0 ? p : best))!.text
}

/** The source every member declares, made relative to the workspace root; refused when they differ. */
function commonSource(input: PromotionInput, found: readonly Found[]): DependencySpec['source'] {
  const describe = (f: Found): string => {
    const s = f.dep.source
    const where =
      s?.type === 'path'
        ? `path ${resolve(dirname(f.file.path), s.path)}`
        : s?.type === 'git'
          ? `git ${s.git} ${s.branch ? `branch=${s.branch}` : s.tag ? `tag=${s.tag}` : s.rev ? `rev=${s.rev}` : 'default branch'}`
          : `registry ${f.dep.registry ?? 'crates-io'}`
    return `${where} as ${f.dep.name}`
  }
  const kinds = new Set(found.map(describe))
  if (kinds.size > 1)
    throw refuse(
      `The members take \`${input.name}\` from different places: ${[...kinds].join('; ')}.`,
      'Point every member at the same source (and package) before promoting it.'
    )
  const first = found[0]!.dep.source
  const version = commonRequirement(input.name, found)
  if (first?.type === 'path') {
    const absolute = resolve(dirname(found[0]!.file.path), first.path)
    const path = relative(dirname(input.root.path), absolute).split(sep).join('/') || '.'
    return { type: 'path', path, ...(version !== undefined ? { version } : {}) }
  }
  if (first?.type === 'git') {
    const ref = first.branch ? 'branch' : first.tag ? 'tag' : first.rev ? 'rev' : undefined
    return {
      type: 'git',
      url: first.git,
      ...(ref ? { reference: { type: ref, value: first[ref]! } } : {}),
      ...(version !== undefined ? { version } : {})
    }
  }
  return {
    type: 'registry',
    version: version ?? '*',
    ...(found[0]!.dep.registry !== undefined ? { registry: found[0]!.dep.registry } : {})
  }
}

/** What replaces a member's entry: what stays its own beside `workspace = true`. */
function memberValue(dep: CargoDependency, rootDefaultsOff: boolean): TomlJson {
  const value: Record<string, TomlJson> = { workspace: true }
  if (dep.features?.length) value.features = [...dep.features]
  if (dep.optional) value.optional = true
  if (rootDefaultsOff && dep.defaultFeatures !== false) value['default-features'] = true
  if (dep.public !== undefined) value.public = dep.public
  return value
}

export function promoteDependency(input: PromotionInput): Promotion {
  const found = input.members.flatMap((m) => entriesIn(m, input.name))
  const declared = found.filter((f) => f.dep.source?.type !== 'workspace')
  if (declared.length === 0)
    throw refuse(
      `No member declares \`${input.name}\` with its own source.`,
      'Pick a dependency the members list themselves (not already `workspace = true`).'
    )
  // An entry already in the root: the members switch to it, if it builds what they build now.
  const existing = workspaceEntry(input)
  if (existing) {
    const source = commonSource(input, [...declared, existing])
    // The entry's requirement must already be the highest, or a member would accept older versions.
    const req = existing.dep.source?.type === 'workspace' ? undefined : existing.dep.source?.version
    if ('version' in source && source.version !== req && source.version !== '*')
      throw refuse(
        `\`[workspace.dependencies]\` asks for \`${input.name}\` ${req ?? '(any version)'}, less than a member's ${source.version}.`,
        `Raise the workspace entry to ${source.version} first, or leave that member as it is.`
      )
    // Its features would reach every member that switches: they must already have them.
    const extra = (existing.dep.features ?? []).filter((f) =>
      declared.some((d) => !(d.dep.features ?? []).includes(f))
    )
    if (extra.length)
      throw refuse(
        `\`[workspace.dependencies]\` turns on ${extra.map((f) => `\`${f}\``).join(', ')} for \`${input.name}\`, which some members do not.`,
        'Move those features from the workspace entry to the members that need them first.'
      )
    if (existing.dep.defaultFeatures !== false && declared.some((f) => f.dep.defaultFeatures === false))
      throw refuse(
        `\`[workspace.dependencies]\` turns on \`${input.name}\`'s default features, which some members turn off.`,
        'Set `default-features = false` in the workspace entry first; members that want them then say so.'
      )
  }
  const rootDefaultsOff = existing
    ? existing.dep.defaultFeatures === false
    : declared.some((f) => f.dep.defaultFeatures === false)
  const renamed = declared[0]!.dep.rename !== undefined ? declared[0]!.dep.name : undefined
  const entry: DependencySpec = {
    source: commonSource(input, declared),
    ...(rootDefaultsOff ? { defaultFeatures: false } : {}),
    ...(renamed !== undefined ? { package: renamed } : {})
  }

  const texts = new Map<string, string>([[input.root.path, input.root.text]])
  for (const m of input.members) texts.set(m.path, m.text)
  const edits = new Map<string, ManifestEdit[]>(
    existing ? [] : [[input.root.path, [{ op: 'add-workspace-dependency', name: input.name, spec: entry }]]]
  )
  for (const f of declared) {
    const list = edits.get(f.file.path) ?? []
    list.push({
      op: 'set',
      path: [...dependencyTablePath(f.table), input.name],
      value: memberValue(f.dep, rootDefaultsOff)
    })
    edits.set(f.file.path, list)
  }
  const files = [...edits].map(([path, list]) => {
    const before = texts.get(path)!
    return { path, before, after: applyManifestEdits(before, path, list).text }
  })
  return { files, entry, members: [...new Set(declared.map((f) => f.file.path))] }
}
