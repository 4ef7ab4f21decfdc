/**
 * The on-disk copy of the index files fetched so far, one JSON file per index file under
 * `<cache>/index/`, holding the body with the `ETag`/`Last-Modified` it was served with, so the
 * next fetch can be conditional (a 304 keeps it) and offline work can use it. Writes replace
 * the file whole (temporary file + rename), so a reader never sees half of one.
 *
 * The cache is an optimization: a copy that cannot be read, or was made for another registry
 * URL, counts as absent, and a failed write only costs a later re-download (as in cargo).
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export interface CachedIndexFile {
  readonly body: string
  readonly etag?: string
  readonly lastModified?: string
}

const FORMAT = 1

export class IndexCache {
  constructor(
    private readonly dir: string,
    /** The index URL the copies belong to. */
    private readonly url: string
  ) {}

  /** Where the copy of `indexPath` (`3/s/syn`, `config.json`) lives. */
  fileOf(indexPath: string): string {
    return join(this.dir, 'index', ...indexPath.split('/'))
  }

  async read(indexPath: string): Promise<CachedIndexFile | undefined> {
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(this.fileOf(indexPath), 'utf8'))
    } catch {
      return undefined
    }
    const entry = raw as Record<string, unknown>
    if (entry.v !== FORMAT || entry.url !== this.url || typeof entry.body !== 'string') return undefined
    return {
      body: entry.body,
      ...(typeof entry.etag === 'string' ? { etag: entry.etag } : {}),
      ...(typeof entry.lastModified === 'string' ? { lastModified: entry.lastModified } : {})
    }
  }

  async write(indexPath: string, entry: CachedIndexFile): Promise<void> {
    const file = this.fileOf(indexPath)
    const temp = `${file}.${randomUUID()}.tmp`
    try {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(temp, JSON.stringify({ v: FORMAT, url: this.url, ...entry }))
      await rename(temp, file)
    } catch {
      await rm(temp, { force: true }).catch(() => {})
    }
  }

  /** Forgets a file the registry no longer has. */
  async remove(indexPath: string): Promise<void> {
    await rm(this.fileOf(indexPath), { force: true }).catch(() => {})
  }
}
