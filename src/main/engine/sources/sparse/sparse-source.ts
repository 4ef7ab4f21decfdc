/**
 * A registry read through cargo's sparse HTTP protocol (crates.io's `sparse+https://index.crates.io/`
 * and alternative registries): `query` fetches one index file per package, `download` fetches,
 * verifies and unpacks one `.crate`. Everything goes through one cache folder that belongs to
 * this registry alone (`index/`, `crates/`, `src/`), which is also all that offline mode reads.
 *
 * A source object lives for one operation (a resolve, a build): each index file is fetched or
 * revalidated at most once in its life, however many queries ask for it at the same time.
 */
import { join } from 'node:path'
import { parseVersion } from '@shared/rules/semver'
import { EngineError } from '../../errors'
import { sameSource, sourceIdString, type SourceId } from '../source-id'
import type { PackageSource, Summary } from '../summary'
import { downloadCrate, keptCrate, type CrateRequest } from './crate-file'
import { HttpClient, type FetchFn } from './http-client'
import { IndexCache } from './index-cache'
import { IndexFiles } from './index-files'
import { parseIndexFile } from './index-line'
import { checkRegistryName, indexFilePath } from './index-path'
import { crateDownloadUrl, parseRegistryConfig, type RegistryConfig } from './registry-config'
import { isUnpacked, unpackCrate } from './unpack-crate'

export interface SparseSourceOptions {
  /** The index root, with or without `sparse+`; it must end in `/`, as cargo requires. */
  readonly url: string
  /**
   * The identity summaries carry and same-registry dependencies point at. Defaults to the
   * sparse URL; crates.io served sparsely keeps crates.io's identity (`CRATES_IO`).
   */
  readonly id?: SourceId
  /** This registry's own cache folder. */
  readonly cacheDir: string
  /** Use only the cache; anything missing there is an error that names it. */
  readonly offline?: boolean
  readonly fetch?: FetchFn
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  /** Requests in flight at once (default 16). */
  readonly maxConcurrent?: number
}

function indexUrlOf(url: string): string {
  const bare = url.startsWith('sparse+') ? url.slice('sparse+'.length) : url
  if (!/^https?:\/\//.test(bare))
    throw new EngineError('invalid-input', `\`${url}\` is not an HTTP(S) sparse registry URL.`, {
      hint: 'Write it as `sparse+https://host/path/`.'
    })
  if (!bare.endsWith('/'))
    throw new EngineError('invalid-input', `The sparse registry URL \`${url}\` must end in a slash \`/\`.`, {
      hint: `Write \`${url}/\`.`
    })
  return bare
}

export class SparseRegistrySource implements PackageSource {
  readonly id: SourceId
  readonly url: string
  private readonly http: HttpClient
  private readonly files: IndexFiles
  private readonly queries = new Map<string, Promise<readonly Summary[]>>()
  private readonly texts = new Map<string, Promise<string | undefined>>()
  private readonly downloads = new Map<string, Promise<string>>()
  private config: Promise<RegistryConfig> | undefined

  constructor(private readonly options: SparseSourceOptions) {
    this.url = indexUrlOf(options.url)
    this.id = options.id ?? { kind: 'sparse', url: this.url }
    this.http = new HttpClient(options)
    this.files = new IndexFiles(
      this.url,
      new IndexCache(options.cacheDir, this.url),
      this.http,
      options.offline ?? false
    )
  }

  async query(packageName: string): Promise<readonly Summary[]> {
    checkRegistryName(packageName)
    return this.once(this.queries, packageName, async () => {
      const text = await this.indexText(packageName)
      return text === undefined ? [] : parseIndexFile(text, packageName, this.id)
    })
  }

  async download(summary: Summary): Promise<string> {
    const crate = this.crateOf(summary)
    return this.once(this.downloads, `${crate.name}-${crate.version}`, async () => {
      const srcDir = join(this.options.cacheDir, 'src')
      const dir = join(srcDir, `${crate.name}-${crate.version}`)
      if (await isUnpacked(dir)) return dir
      const data = (await keptCrate(this.options.cacheDir, crate)) ?? (await this.fetchCrate(crate))
      return unpackCrate(data, srcDir, `${crate.name}-${crate.version}`, crate.label)
    })
  }

  /** The registry's `config.json`, read once per source. */
  registryConfig(): Promise<RegistryConfig> {
    this.config ??= this.files.load('config.json', "the registry's config.json").then((text) => {
      if (text === undefined)
        throw new EngineError('not-found', `The registry ${this.url} has no config.json.`, {
          hint: 'Check that the URL points at the root of a cargo sparse index.'
        })
      return parseRegistryConfig(text, `${this.url}config.json`)
    })
    this.config.catch(() => (this.config = undefined))
    return this.config
  }

  private indexText(packageName: string): Promise<string | undefined> {
    const path = indexFilePath(packageName)
    return this.once(this.texts, path, () => this.files.load(path, `the index entry of \`${packageName}\``))
  }

  private async fetchCrate(crate: CrateRequest): Promise<Uint8Array> {
    if (this.options.offline)
      throw new EngineError('not-found', `Offline: ${crate.label} has not been downloaded yet.`, {
        hint: 'Turn offline mode off once so the package can be downloaded.'
      })
    const url = crateDownloadUrl(await this.registryConfig(), crate.name, crate.version, crate.checksum)
    return downloadCrate(this.http, url, this.options.cacheDir, crate)
  }

  private crateOf(summary: Summary): CrateRequest {
    const label = `\`${summary.name} v${summary.version}\``
    if (!sameSource(summary.source, this.id))
      throw new EngineError(
        'invalid-input',
        `${label} comes from ${sourceIdString(summary.source)}, not this registry.`
      )
    checkRegistryName(summary.name)
    if (!parseVersion(summary.version))
      throw new EngineError('io', `The registry lists ${label} with an invalid version.`)
    const checksum = summary.checksum?.toLowerCase()
    if (checksum === undefined || !/^[0-9a-f]{64}$/.test(checksum))
      throw new EngineError('io', `The registry lists no valid sha256 checksum for ${label}.`, {
        hint: 'Without a checksum the download cannot be verified; report it to the registry.'
      })
    return { name: summary.name, version: summary.version, checksum, label }
  }

  /** Runs `work` once per key at a time; a failure is forgotten so a later call can retry. */
  private once<T>(map: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
    let pending = map.get(key)
    if (!pending) {
      pending = work()
      map.set(key, pending)
      pending.catch(() => map.delete(key))
    }
    return pending
  }
}
