/**
 * Index files as the sparse protocol serves them, through the on-disk cache: a cached copy is
 * revalidated with `If-None-Match` (or `If-Modified-Since`) and kept on 304; a 404/410/451
 * means the file does not exist and drops the copy. Offline, only the cache is used, and a
 * file that was never fetched is an error that says so.
 */
import { EngineError } from '../../errors'
import type { HttpClient } from './http-client'
import { httpStatusError, isNotFoundStatus } from './http-status'
import type { IndexCache } from './index-cache'

/** Far above crates.io's largest index file (a few MiB). */
const MAX_INDEX_FILE_BYTES = 64 * 1024 * 1024

/** Headers cargo sends, so a registry can tell a sparse-protocol client. */
export const INDEX_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  'cargo-protocol': 'version=1',
  accept: 'text/plain'
}

export class IndexFiles {
  constructor(
    /** The index root, ending in `/`. */
    readonly url: string,
    private readonly cache: IndexCache,
    private readonly http: HttpClient,
    private readonly offline: boolean
  ) {}

  /**
   * The text of `indexPath` (relative to the root), or undefined when the registry has no such
   * file. `what` names the file for messages ("the index entry of `serde`").
   */
  async load(indexPath: string, what: string): Promise<string | undefined> {
    const url = this.url + indexPath
    const cached = await this.cache.read(indexPath)
    if (this.offline) {
      if (cached) return cached.body
      throw new EngineError('not-found', `Offline: ${what} is not in the cache (${url} was never fetched).`, {
        hint: 'Turn offline mode off once so the registry can be read, then it works offline.'
      })
    }
    const headers: Record<string, string> = { ...INDEX_REQUEST_HEADERS }
    if (cached?.etag !== undefined) headers['if-none-match'] = cached.etag
    else if (cached?.lastModified !== undefined) headers['if-modified-since'] = cached.lastModified
    const res = await this.http.get(url, headers, MAX_INDEX_FILE_BYTES)
    if (res.status === 200) {
      const body = new TextDecoder().decode(res.body)
      const etag = res.headers.get('etag') ?? undefined
      const lastModified = res.headers.get('last-modified') ?? undefined
      await this.cache.write(indexPath, {
        body,
        ...(etag !== undefined ? { etag } : {}),
        ...(lastModified !== undefined ? { lastModified } : {})
      })
      return body
    }
    if (res.status === 304) {
      if (cached) return cached.body
      throw new EngineError('io', `${url} answered 304 Not Modified, but there is no cached copy.`, {
        hint: 'The registry server misbehaves; try again, or clear its cache folder.'
      })
    }
    if (isNotFoundStatus(res.status)) {
      await this.cache.remove(indexPath)
      return undefined
    }
    throw httpStatusError(url, res)
  }
}
