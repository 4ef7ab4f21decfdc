/**
 * Cargo.lock text → its tables, checked the way cargo's reader checks them (types, package
 * versions, source URLs, dependency entries, the `version` marker), every problem located.
 * Nothing is linked yet: dependency entries stay as written, and path packages have no source.
 */
import { parseVersion } from '@shared/rules/semver'
import type { KeyPath } from '../manifest/locate'
import type { SourceId } from '../sources/source-id'
import { lockfileError, REGENERATE_HINT } from './lock-errors'
import { parseLockSource } from './lock-source'
import { LockReader, type LockTable, showPath } from './lock-toml'

/** A dependency entry or `[metadata]` checksum key: `name`, `name version` or `name version (source)`. */
export interface LockEntry {
  /** As written. */
  readonly text: string
  readonly name: string
  readonly version?: string
  readonly source?: SourceId
}

export interface DocumentPackage {
  readonly name: string
  readonly version: string
  /** Absent for path packages. */
  readonly source?: SourceId
  /** The `source` as written, which tells duplicates apart. */
  readonly sourceText?: string
  readonly checksum?: string
  readonly dependencies?: readonly LockEntry[]
  /** `[replace]`'s target (the package then has no dependencies). */
  readonly replace?: LockEntry
  /** Where the table is (`['package', 3]`), for `LockDocument.lineOf`. */
  readonly path: KeyPath
}

export interface LockDocument {
  /** `version = N` at the top (absent in formats 1 and 2). */
  readonly marker?: 3 | 4
  /** `[root]` (the oldest format) first, then every `[[package]]`. */
  readonly packages: readonly DocumentPackage[]
  readonly unusedPatches: readonly DocumentPackage[]
  /** All of `[metadata]`, format 1's `checksum …` keys included. */
  readonly metadata: ReadonlyMap<string, string>
  readonly text: string
  readonly file: string
  /** The line of a key path, looked up only when an error needs it (the scan is linear). */
  readonly lineOf: (path: KeyPath) => number | undefined
}

/** cargo's `EncodablePackageId::from_str`; undefined `reason` means it parsed. */
export function parseLockEntry(text: string): { entry?: LockEntry; reason?: string } {
  const [name = '', version, ...rest] = text.split(' ')
  if (rest.length === 0) return { entry: version === undefined ? { text, name } : { text, name, version } }
  const inner = rest.join(' ')
  if (!inner.startsWith('(') || !inner.endsWith(')')) return { reason: `\`${text}\` is not a package ID` }
  const source = parseLockSource(inner.slice(1, -1))
  if (!source.ok) return { reason: `\`${text}\` has a bad source: ${source.reason}` }
  return { entry: { text, name, version, source: source.id } }
}

function readEntry(reader: LockReader, text: string, path: KeyPath): LockEntry {
  const { entry, reason } = parseLockEntry(text)
  return entry ?? reader.fail(path, reason ?? 'unreadable entry')
}

function readPackage(reader: LockReader, table: LockTable, path: KeyPath): DocumentPackage {
  const name = reader.string(table, [...path, 'name'], true)
  if (table.version === undefined) reader.fail(path, `package \`${name}\` has no \`version\``)
  const version = reader.string(table, [...path, 'version'], true)
  if (!parseVersion(version)) {
    reader.fail([...path, 'version'], `package \`${name}\` has the invalid version \`${version}\``)
  }
  const sourceText = reader.string(table, [...path, 'source'])
  const parsed = sourceText === undefined ? undefined : parseLockSource(sourceText)
  if (parsed && !parsed.ok)
    reader.fail([...path, 'source'], `package \`${name}\` has a bad source: ${parsed.reason}`)
  const depsPath = [...path, 'dependencies']
  const dependencies = reader.array(table.dependencies, depsPath)?.map((item, i) => {
    if (typeof item !== 'string') reader.fail(depsPath, `\`${showPath([...depsPath, i])}\` must be a string`)
    return readEntry(reader, item, depsPath)
  })
  const replaceText = reader.string(table, [...path, 'replace'])
  return {
    name,
    version,
    source: parsed?.ok ? parsed.id : undefined,
    sourceText,
    checksum: reader.string(table, [...path, 'checksum']),
    dependencies,
    replace: replaceText === undefined ? undefined : readEntry(reader, replaceText, [...path, 'replace']),
    path
  }
}

function readMetadata(reader: LockReader, root: LockTable): Map<string, string> {
  const table = reader.table(root.metadata, ['metadata']) ?? {}
  return new Map(Object.keys(table).map((key) => [key, reader.string(table, ['metadata', key], true)]))
}

function readMarker(reader: LockReader, root: LockTable): 3 | 4 | undefined {
  const marker = reader.u32(root.version, ['version'])
  if (marker === undefined || marker === 3 || marker === 4) return marker
  throw lockfileError(
    reader.file,
    `it says \`version = ${marker}\`, a lock file format Crate Studio does not understand (it reads formats 1 to 4)`,
    reader.lineOf(['version']),
    marker > 4
      ? 'A newer Cargo wrote this file: update Crate Studio, or delete Cargo.lock to have it written again in format 4.'
      : REGENERATE_HINT
  )
}

/** Parses and checks Cargo.lock; `file` names it in errors. */
export function readLockDocument(text: string, file: string): LockDocument {
  const reader = new LockReader(text, file)
  const root = reader.root()
  const marker = readMarker(reader, root)
  const oldRoot = reader.table(root.root, ['root'])
  const packages = reader
    .tables(root.package, ['package'])
    .map((t, i) => readPackage(reader, t, ['package', i]))
  const patch = reader.table(root.patch, ['patch'])
  const unused = patch ? reader.tables(patch.unused, ['patch', 'unused']) : []
  return {
    marker,
    packages: [...(oldRoot ? [readPackage(reader, oldRoot, ['root'])] : []), ...packages],
    unusedPatches: unused.map((t, i) => readPackage(reader, t, ['patch', 'unused', i])),
    metadata: readMetadata(reader, root),
    text,
    file,
    lineOf: (path) => reader.lineOf(path)
  }
}
