/**
 * The git repositories a resolved workspace uses, one entry per git source (URL and reference),
 * with the commit Cargo.lock pins, the packages taken from it and the root manifest's entries
 * that declare it. The git panel lists these, and checks every request against them: only a
 * package of one of these sources may be updated or pinned.
 */
import { EngineError } from '../errors'
import type { Manifest } from '../manifest/model'
import { sourceKey } from '../resolver/resolve/package-keys'
import type { PackageId } from '../resolver/resolve/resolve-types'
import type { GitSourceId } from '../sources/git/git-source'
import type { GitRef, SourceId } from '../sources/source-id'
import type { ResolvedWorkspace } from './resolved-workspace'

export interface ResolvedGitSource {
  /** `sourceKey`: cargo's source string without the commit. */
  readonly key: string
  /** The source as locked (`precise` is the locked commit). */
  readonly id: GitSourceId & { readonly precise: string }
  /** Its packages in the resolve, sorted by name then version. */
  readonly packages: readonly PackageId[]
  /** Keys of the root manifest's dependency entries that point at this source. */
  readonly declaredAs: readonly string[]
}

function isLockedGit(source: SourceId): source is GitSourceId & { readonly precise: string } {
  return source.kind === 'git' && source.precise !== undefined
}

/** The key a manifest's git dependency resolves under (what `sourceKey` gives its packages). */
export function declaredGitKey(url: string, ref: GitRef): string {
  return sourceKey({ kind: 'git', url, ref })
}

/** Every git source of the resolve, in URL order; `root` is the workspace root's manifest. */
export function gitSourcesOf(ws: ResolvedWorkspace, root: Manifest): readonly ResolvedGitSource[] {
  const bySource = new Map<string, { id: ResolvedGitSource['id']; packages: PackageId[] }>()
  for (const { id } of ws.resolve.packages.values()) {
    if (!isLockedGit(id.source)) continue
    const key = sourceKey(id.source)
    const entry = bySource.get(key)
    if (entry) entry.packages.push(id)
    else bySource.set(key, { id: id.source, packages: [id] })
  }
  const declared = new Map<string, string[]>()
  for (const dep of root.dependencies) {
    if (dep.source.type !== 'git') continue
    const key = declaredGitKey(dep.source.url, dep.source.reference ?? { type: 'default' })
    const names = declared.get(key) ?? []
    if (!names.includes(dep.name)) names.push(dep.name)
    declared.set(key, names)
  }
  return [...bySource.entries()]
    .map(([key, { id, packages }]) => ({
      key,
      id,
      packages: packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)),
      declaredAs: declared.get(key) ?? []
    }))
    .sort((a, b) => a.id.url.localeCompare(b.id.url) || a.key.localeCompare(b.key))
}

/**
 * The git source that provides package `name`, as `cargo update -p NAME` finds it: refused when
 * no git source has it (whatever else the project depends on) or when two do.
 */
export function gitSourceOfPackage(sources: readonly ResolvedGitSource[], name: string): ResolvedGitSource {
  const found = sources.filter((s) => s.packages.some((p) => p.name === name))
  if (found.length === 1) return found[0]!
  if (found.length === 0) {
    const names = [...new Set(sources.flatMap((s) => s.packages.map((p) => `\`${p.name}\``)))]
    throw new EngineError('invalid-input', `\`${name}\` is not a git dependency of this project.`, {
      hint:
        names.length > 0
          ? `Its git dependencies are: ${names.join(', ')}.`
          : 'This project has no git dependencies.'
    })
  }
  throw new EngineError(
    'invalid-input',
    `More than one git repository provides a package named \`${name}\`: ${found.map((s) => s.id.url).join(', ')}.`,
    { hint: 'Rename one of the dependencies, or update it with cargo and a full package ID spec.' }
  )
}

/**
 * A name that `update -p` can take for this source and that means only it: `resolveWorkspace`
 * unlocks by name, so a name shared with a package from elsewhere would move that one too.
 * Unlocking one package of a git source unlocks the whole source, as in cargo.
 */
export function unlockNameFor(ws: ResolvedWorkspace, source: ResolvedGitSource): string {
  const elsewhere = new Set(
    [...ws.resolve.packages.values()]
      .filter(({ id }) => sourceKey(id.source) !== source.key)
      .map(({ id }) => id.name)
  )
  const name = source.packages.map((p) => p.name).find((n) => !elsewhere.has(n))
  if (name !== undefined) return name
  throw new EngineError(
    'unsupported',
    `Every package of ${source.id.url} shares its name with a package from another source, so it cannot be updated alone here.`,
    { hint: `Run \`cargo update -p ${source.key}#${source.packages[0]?.name ?? ''}\` instead.` }
  )
}
