/**
 * Parsed manifests of packages that never change under their version or commit: directory-source
 * (vendored, Debian), registry and git packages. Each Cargo.toml is read once per app session,
 * and, when the store is given a file, once per machine: a CLI build otherwise re-parses every
 * dependency's manifest and rediscovers its targets on each run, most of a no-op build's time.
 *
 * An entry is trusted only while its file's stamp (inode, size, modification and change times)
 * is unchanged, and only by the same build of the app: a reinstalled crate or a new app version
 * reads the manifest again. Path packages (the user's own) are never stored here.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isNotFound } from '../errors'
import { discoverTargets } from './discover-targets'
import { decodeTomlBytes } from './decode'
import type { Manifest, Package } from './model'
import { loadPackage, parseManifestText } from './read-manifest'
import { readSmallFileSync } from './read-manifest-sync'

/** A manifest as a directory source needs it. */
export interface ParsedManifest {
  readonly manifest: Manifest
  /** The text, only when it mentions `registry-index` (the summary reads those keys from it). */
  readonly registryIndexText?: string
}

interface Entry {
  readonly stamp: string
  parsed?: ParsedManifest
  pkg?: Package
  /** The folders target discovery looked in, as times: a vendored copy can change under git. */
  layout?: string
}

/** Folders whose listing decides a package's targets and build script (discover-targets.ts). */
const DISCOVERY_DIRS = ['.', 'src', 'src/bin', 'examples', 'tests', 'benches']

function layoutStamp(manifestFile: string): string {
  const root = dirname(manifestFile)
  return DISCOVERY_DIRS.map((d) => {
    const s = statSync(join(root, d), { bigint: true, throwIfNoEntry: false })
    return s ? `${s.ino}:${s.mtimeNs}` : '-'
  }).join(',')
}

/** Entries kept on disk at most; the least recently used go first. */
const MAX_ENTRIES = 20_000
const FORMAT = 3

export interface ImmutableManifests {
  /** The parsed manifest at `file`, or undefined when there is none. Throws the reader's errors. */
  manifest(file: string): ParsedManifest | undefined
  /** The package (manifest and targets) whose manifest is `file`. */
  package(file: string): Promise<Package>
  /** Writes what this session added to the store's file, if it has one; never throws. */
  save(): Promise<void>
}

export interface StoreFile {
  readonly path: string
  /** Which build of the app wrote it; entries from any other build are ignored. */
  readonly codeIdentity: string
}

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true })
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw e
  }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The stored entries, or none when the file is missing, damaged or from another build. */
function readStoreFile(file: StoreFile): Map<string, Entry> {
  try {
    const { check, body } = JSON.parse(readFileSync(file.path, 'utf8')) as { check: string; body: string }
    if (typeof body !== 'string' || check !== checksum(body)) return new Map()
    const data = JSON.parse(body) as { format: number; code: string; entries: [string, Entry][] }
    if (data.format !== FORMAT || data.code !== file.codeIdentity || !Array.isArray(data.entries))
      return new Map()
    return new Map(data.entries)
  } catch {
    return new Map()
  }
}

class Store implements ImmutableManifests {
  private entries: Map<string, Entry> | undefined
  private changed = false

  constructor(private readonly file: StoreFile | undefined) {}

  private all(): Map<string, Entry> {
    this.entries ??= this.file ? readStoreFile(this.file) : new Map()
    return this.entries
  }

  /** The entry for `file` at its current stamp (moved to most recently used), or undefined. */
  private current(file: string): { entry: Entry | undefined; stamp: string | undefined } {
    const stamp = stampOf(file)
    const all = this.all()
    const entry = all.get(file)
    if (!entry || entry.stamp !== stamp) return { entry: undefined, stamp }
    all.delete(file)
    all.set(file, entry)
    return { entry, stamp }
  }

  private put(file: string, entry: Entry): void {
    const all = this.all()
    all.delete(file)
    all.set(file, entry)
    this.changed = true
  }

  manifest(file: string): ParsedManifest | undefined {
    const { entry, stamp } = this.current(file)
    if (entry?.parsed) return entry.parsed
    if (stamp === undefined) return undefined
    const bytes = readSmallFileSync(file, 'manifest')
    if (bytes === undefined) return undefined
    const text = decodeTomlBytes(bytes, file).text
    const parsed: ParsedManifest = {
      manifest: parseManifestText(text, file),
      ...(text.includes('registry-index') ? { registryIndexText: text } : {})
    }
    this.put(file, { ...entry, stamp, parsed })
    return parsed
  }

  async package(file: string): Promise<Package> {
    const { entry, stamp } = this.current(file)
    const layout = stamp === undefined ? undefined : layoutStamp(file)
    if (entry?.pkg && entry.layout === layout) return entry.pkg
    const parsed = this.manifest(file)
    // A missing file gets the package reader's own "not found" error.
    const pkg = parsed ? await discoverTargets(parsed.manifest) : await loadPackage(file)
    if (stamp !== undefined && stampOf(file) === stamp && layoutStamp(file) === layout) {
      const now = this.all().get(file)
      this.put(file, {
        stamp,
        ...(now?.stamp === stamp && now.parsed ? { parsed: now.parsed } : {}),
        pkg,
        ...(layout !== undefined ? { layout } : {})
      })
    }
    return pkg
  }

  async save(): Promise<void> {
    if (!this.file || !this.changed) return
    this.changed = false
    const all = this.all()
    const entries = [...all].slice(-MAX_ENTRIES)
    const temp = `${this.file.path}.${randomUUID()}.tmp`
    try {
      const body = JSON.stringify({ format: FORMAT, code: this.file.codeIdentity, entries })
      await mkdir(dirname(this.file.path), { recursive: true })
      await writeFile(temp, JSON.stringify({ check: checksum(body), body }))
      await rename(temp, this.file.path)
    } catch {
      // Only a cache: the next process parses the manifests again.
      await rm(temp, { force: true }).catch(() => undefined)
    }
  }
}

/**
 * The store's file under `cacheDir` for this build of the app, whose bundle file's path and time
 * say which build it is. Code run from source (the tests) keeps a memory-only store, since its
 * model may change without this file changing.
 */
export function storeFileIn(cacheDir: string): StoreFile | undefined {
  const self = import.meta.filename
  if (self.endsWith('.ts')) return undefined
  try {
    const s = statSync(self, { bigint: true })
    return { path: join(cacheDir, 'manifests.json'), codeIdentity: `${self}:${s.size}:${s.mtimeNs}` }
  } catch {
    return undefined
  }
}

/** A store of its own, sharing nothing with the session's (what a new process would see). */
export function openImmutableManifests(file?: StoreFile): ImmutableManifests {
  return new Store(file)
}

const stores = new Map<string, ImmutableManifests>()

/**
 * The session's store for `file` (one per file, so a resident app shares it between builds),
 * or a memory-only one without a file.
 */
export function immutableManifests(file?: StoreFile): ImmutableManifests {
  const key = file ? `${file.path}\u0000${file.codeIdentity}` : ''
  let store = stores.get(key)
  if (!store) {
    store = openImmutableManifests(file)
    stores.set(key, store)
  }
  return store
}
