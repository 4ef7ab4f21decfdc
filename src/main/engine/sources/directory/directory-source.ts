/**
 * A directory source: the layout `cargo vendor` writes and Debian's `/usr/share/cargo/registry`
 * uses, one folder per package version with its published `Cargo.toml` and a
 * `.cargo-checksum.json`. It only ever serves as a replacement (`[source.x] directory = …`), so
 * its summaries carry the identity of the source it replaces (crates.io, usually): that is what
 * cargo locks.
 *
 * The folder list is read once; a package's manifest and checksum file are read the first time
 * a query needs them and kept for the source's life. Files are verified against their listed
 * sha256 once, on the first `download`.
 */
import { join } from 'node:path'
import { EngineError } from '../../errors'
import { immutableManifests, type ImmutableManifests } from '../../manifest/immutable-manifests'
import { summaryOfManifest } from '../manifest-summary'
import { CRATES_IO, type SourceId } from '../source-id'
import type { PackageSource, Summary } from '../summary'
import { readChecksumFile, type ChecksumFile } from './checksum-file'
import { indexFolders, type FolderIndex } from './folder-index'
import { applyRegistryIndexes } from './registry-index-deps'
import { verifyPackageFiles } from './verify-files'

export interface DirectorySourceOptions {
  /** The directory holding one folder per package. */
  readonly root: string
  /** The replaced source's identity, which summaries carry; default crates.io. */
  readonly id?: SourceId
  /** The source ID of `registry = "NAME"` in a vendored manifest (from the cargo config). */
  readonly registry?: (name: string | undefined) => SourceId
  /** Where parsed manifests are kept between queries and runs; default a memory-only store. */
  readonly manifests?: ImmutableManifests
}

interface Entry {
  readonly dir: string
  readonly summary: Summary
  readonly checksum: ChecksumFile
}

/** Without a configuration, a vendored manifest can only name crates.io. */
function cratesIoOnly(name: string | undefined): SourceId {
  if (name === undefined || name === 'crates-io') return CRATES_IO
  throw new EngineError('not-found', `The registry \`${name}\` is not configured.`, {
    hint: `Add \`[registries.${name}] index = "…"\` to .cargo/config.toml.`
  })
}

export class DirectorySource implements PackageSource {
  readonly id: SourceId
  readonly root: string
  private index: Promise<FolderIndex> | undefined
  private readonly entries = new Map<string, Promise<Entry | undefined>>()
  private readonly verified = new Map<string, Promise<void>>()

  constructor(private readonly options: DirectorySourceOptions) {
    this.root = options.root
    this.id = options.id ?? CRATES_IO
  }

  /** How cargo names this source in messages. */
  describe(): string {
    return `directory source \`${this.root}\``
  }

  async query(packageName: string): Promise<readonly Summary[]> {
    return (await this.entriesOf(packageName)).map((e) => e.summary)
  }

  async download(summary: Summary): Promise<string> {
    const entry = (await this.entriesOf(summary.name)).find((e) => e.summary.version === summary.version)
    if (!entry)
      throw new EngineError(
        'not-found',
        `Failed to find ${summary.name} v${summary.version} in the ${this.describe()}.`,
        { hint: 'The package may have been removed from the vendor directory; vendor it again.' }
      )
    let verifying = this.verified.get(entry.dir)
    if (!verifying) {
      verifying = verifyPackageFiles(entry.dir, entry.checksum.files, `${summary.name} v${summary.version}`)
      this.verified.set(entry.dir, verifying)
    }
    await verifying
    return entry.dir
  }

  /** The packages named `name`, one per version (the first folder, in name order, wins a tie). */
  private async entriesOf(name: string): Promise<Entry[]> {
    this.index ??= indexFolders(this.root)
    const folders = (await this.index).candidates(name)
    const loaded = await Promise.all(folders.map((f) => this.entry(f)))
    const byVersion = new Map<string, Entry>()
    for (const e of loaded)
      if (e && e.summary.name === name && !byVersion.has(e.summary.version))
        byVersion.set(e.summary.version, e)
    return [...byVersion.values()]
  }

  private entry(folder: string): Promise<Entry | undefined> {
    let pending = this.entries.get(folder)
    if (!pending) {
      const dir = join(this.root, folder)
      // A microtask later, so a failure is this query's rejection rather than a throw.
      pending = Promise.resolve().then(() => this.load(dir))
      this.entries.set(folder, pending)
    }
    return pending
  }

  /** A folder without a Cargo.toml is skipped, as cargo skips leftovers of deleted packages. */
  private load(dir: string): Entry | undefined {
    const file = join(dir, 'Cargo.toml')
    const parsed = (this.options.manifests ?? immutableManifests()).manifest(file)
    if (parsed === undefined) return undefined
    const base = summaryOfManifest(parsed.manifest, {
      source: this.id,
      registry: this.options.registry ?? cratesIoOnly
    })
    const text = parsed.registryIndexText
    const withIndexes = text === undefined ? base : applyRegistryIndexes(base, text, file)
    const checksum = readChecksumFile(dir, `${base.name} v${base.version}`)
    const summary =
      checksum.package === undefined ? withIndexes : { ...withIndexes, checksum: checksum.package }
    return { dir, summary, checksum }
  }
}
