/**
 * cargo's `into_resolve`: turns a read lock document into package IDs and edges. Dependency
 * entries name packages as briefly as the format allows, so each is looked up by name, then
 * version, then source, with cargo's fallbacks (a lone version, the one path package). Reading
 * an entry that leans on those fallbacks, or a checksum inside `[[package]]`, is also how cargo
 * tells format 2 from format 1, which has no version marker.
 */
import { packageIdKey, type PackageId } from '../resolver/resolve/resolve-types'
import type { SourceId } from '../sources/source-id'
import type { UnusedPatch } from './encode-resolve'
import { lockfileError } from './lock-errors'
import type { LockVersion } from './lock-version'
import { parseLockEntry, type DocumentPackage, type LockDocument, type LockEntry } from './read-lock-document'
import { sourceIdentity } from './source-order'

/** Where a package listed without `source` lives (cargo walks the workspace for this). */
export type PathSourceFor = (name: string, version: string) => SourceId | undefined

export interface LinkedPackage {
  readonly id: PackageId
  readonly doc: DocumentPackage
}

export interface LinkedLock {
  readonly version: LockVersion
  /** The packages still present, in file order; path packages not found are left out, as cargo does. */
  readonly packages: readonly LinkedPackage[]
  /** packageIdKey → the keys its dependency entries name (entries naming no package are dropped). */
  readonly edges: ReadonlyMap<string, readonly string[]>
  /** packageIdKey → its `[replace]` target's key. */
  readonly replacements: ReadonlyMap<string, string>
  /** packageIdKey → checksum; `undefined` is format 1's `<none>`. */
  readonly checksums: ReadonlyMap<string, string | undefined>
  /** `[metadata]` without format 1's checksum keys. */
  readonly metadata: ReadonlyMap<string, string>
  readonly unusedPatches: readonly UnusedPatch[]
}

const CHECKSUM_PREFIX = 'checksum '

type Index = Map<string, Map<string, Map<string, PackageId>>>

function buildIndex(packages: readonly LinkedPackage[]): Index {
  const index: Index = new Map()
  for (const { id } of packages) {
    const byVersion = index.get(id.name) ?? new Map<string, Map<string, PackageId>>()
    const bySource = byVersion.get(id.version) ?? new Map<string, PackageId>()
    bySource.set(sourceIdentity(id.source), id)
    byVersion.set(id.version, bySource)
    index.set(id.name, byVersion)
  }
  return index
}

function only<T>(values: Iterable<T>): T | undefined {
  const all = [...values]
  return all.length === 1 ? all[0] : undefined
}

/** Finds the package an entry names; `usedShortForm` fires when cargo would conclude "format 2". */
function lookup(index: Index, entry: LockEntry, usedShortForm: () => void): PackageId | undefined {
  const byVersion = index.get(entry.name)
  if (!byVersion) return undefined
  let bySource: Map<string, PackageId> | undefined
  if (entry.version !== undefined) bySource = byVersion.get(entry.version)
  else {
    usedShortForm()
    bySource = byVersion.size === 1 ? byVersion.values().next().value : undefined
  }
  if (!bySource) return undefined
  if (entry.source) return bySource.get(sourceIdentity(entry.source))
  const paths = [...bySource.values()].filter((id) => id.source.kind === 'path')
  if (paths.length > 0) return only(paths)
  const lone = only(bySource.values())
  if (lone) usedShortForm()
  return lone
}

function livePackages(doc: LockDocument, pathSource: PathSourceFor): LinkedPackage[] {
  const seen = new Set<string>()
  const live: LinkedPackage[] = []
  for (const pkg of doc.packages) {
    const key = `${pkg.name} ${pkg.version} ${pkg.sourceText ?? ''}`
    if (seen.has(key))
      throw lockfileError(doc.file, `package \`${pkg.name}\` is listed twice`, doc.lineOf(pkg.path))
    seen.add(key)
    const source = pkg.source ?? pathSource(pkg.name, pkg.version)
    if (source) live.push({ id: { name: pkg.name, version: pkg.version, source }, doc: pkg })
  }
  return live
}

/** Links a lock document as cargo does, given where its path packages are. */
export function linkLock(doc: LockDocument, pathSource: PathSourceFor): LinkedLock {
  let version: LockVersion = doc.marker ?? 1
  const atLeast2 = () => {
    if (version < 2) version = 2
  }
  const packages = livePackages(doc, pathSource)
  const checksums = new Map<string, string | undefined>()
  for (const { id, doc: pkg } of packages) {
    if (pkg.checksum === undefined) continue
    atLeast2()
    checksums.set(packageIdKey(id), pkg.checksum)
  }
  const index = buildIndex(packages)
  const find = (entry: LockEntry) => lookup(index, entry, atLeast2)
  const edges = new Map<string, readonly string[]>()
  const replacements = new Map<string, string>()
  for (const { id, doc: pkg } of packages) {
    const targets = (pkg.dependencies ?? []).flatMap((entry) => {
      const found = find(entry)
      return found ? [packageIdKey(found)] : []
    })
    edges.set(packageIdKey(id), [...new Set(targets)])
    const replaced = pkg.replace && find(pkg.replace)
    if (replaced) replacements.set(packageIdKey(id), packageIdKey(replaced))
  }
  const metadata = new Map(doc.metadata)
  const oldChecksums = [...metadata].filter(([key]) => key.startsWith(CHECKSUM_PREFIX))
  for (const [key, value] of oldChecksums) {
    metadata.delete(key)
    const { entry } = parseLockEntry(key.slice(CHECKSUM_PREFIX.length))
    if (!entry) throw lockfileError(doc.file, `the \`[metadata]\` key \`${key}\` is not a checksum entry`)
    const id = find(entry)
    if (id) checksums.set(packageIdKey(id), value === '<none>' ? undefined : value)
  }
  // Checksums in both places: a bad merge; cargo drops them all and computes them again.
  if (oldChecksums.length > 0 && version >= 2) checksums.clear()
  // A format-2 lock with one package and no checksum looks like format 1, except that format 1
  // always ended in a blank line.
  if (version === 1 && packages.length === 1 && doc.text.endsWith('\n') && !doc.text.endsWith('\n\n'))
    version = 2
  const unusedPatches = doc.unusedPatches.flatMap((pkg): UnusedPatch[] => {
    const source = pkg.source ?? pathSource(pkg.name, pkg.version)
    if (!source) return []
    const id = { name: pkg.name, version: pkg.version, source }
    return [pkg.checksum === undefined ? { id } : { id, checksum: pkg.checksum }]
  })
  return { version, packages, edges, replacements, checksums, metadata, unusedPatches }
}
