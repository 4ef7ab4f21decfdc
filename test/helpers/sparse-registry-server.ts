/**
 * A cargo sparse registry on 127.0.0.1 for tests: an index (`config.json` plus one JSON-lines
 * file per package) and `.crate` downloads, all built here from specs. Archives are real gzip
 * tarballs (`name-version/Cargo.toml`, `src/lib.rs`, …) and index lines carry their true
 * sha256, so real cargo can use the registry too. Every request is logged with its status, and
 * index files answer conditional requests (ETag or Last-Modified) with 304.
 *
 *   const reg = await SparseRegistryServer.start()
 *   await reg.publish({ name: 'foo', version: '1.0.0' })
 *   new SparseRegistrySource({ url: reg.indexUrl, cacheDir })
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { pack, type Header } from 'tar-stream'

export interface IndexDepSpec {
  readonly name: string
  readonly req: string
  readonly features?: readonly string[]
  readonly optional?: boolean
  readonly default_features?: boolean
  readonly target?: string | null
  readonly kind?: 'normal' | 'dev' | 'build'
  readonly registry?: string
  readonly package?: string
}

export interface CrateSpec {
  readonly name: string
  readonly version: string
  readonly deps?: readonly IndexDepSpec[]
  readonly features?: Readonly<Record<string, readonly string[]>>
  readonly features2?: Readonly<Record<string, readonly string[]>>
  readonly yanked?: boolean
  readonly links?: string
  readonly rust_version?: string
  readonly v?: number
  /** Extra files inside the archive, relative to `name-version/`. */
  readonly files?: Readonly<Record<string, string>>
}

/** One raw tar entry, for archives no honest packager would make. */
export interface TarEntrySpec {
  readonly name: string
  readonly type?: Header['type']
  readonly body?: string
  readonly linkname?: string
  readonly mode?: number
}

export interface RequestRecord {
  readonly path: string
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
}

export type Validators = 'etag' | 'last-modified' | 'none'

interface IndexFile {
  body: string
  etag: string
  lastModified: string
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A gzipped tarball of exactly these entries. */
export async function tarball(entries: readonly TarEntrySpec[]): Promise<Buffer> {
  const p = pack()
  for (const e of entries) {
    const header = {
      name: e.name,
      type: e.type ?? 'file',
      mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644),
      mtime: new Date(0),
      ...(e.linkname !== undefined ? { linkname: e.linkname } : {})
    }
    if (header.type === 'file') p.entry(header, e.body ?? '')
    else p.entry(header)
  }
  p.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of p) chunks.push(chunk as Buffer)
  return gzipSync(Buffer.concat(chunks))
}

/** The entries `cargo package` would write for `spec`: a manifest, a library, extra files. */
export function crateEntries(spec: CrateSpec): TarEntrySpec[] {
  const root = `${spec.name}-${spec.version}`
  const manifest = `[package]\nname = "${spec.name}"\nversion = "${spec.version}"\nedition = "2021"\n`
  const files: Record<string, string> = {
    'Cargo.toml': manifest,
    'src/lib.rs': 'pub fn f() {}\n',
    ...spec.files
  }
  return Object.entries(files).map(([path, body]) => ({ name: `${root}/${path}`, body }))
}

/** A `.crate` archive for `spec`. */
export function crateTarball(spec: CrateSpec): Promise<Buffer> {
  return tarball(crateEntries(spec))
}

/** The index line for `spec` with `cksum`, in the field order crates.io writes. */
export function indexLine(spec: CrateSpec, cksum: string): string {
  const deps = (spec.deps ?? []).map((d) => ({
    name: d.name,
    req: d.req,
    features: d.features ?? [],
    optional: d.optional ?? false,
    default_features: d.default_features ?? true,
    target: d.target ?? null,
    kind: d.kind ?? 'normal',
    ...(d.registry !== undefined ? { registry: d.registry } : {}),
    ...(d.package !== undefined ? { package: d.package } : {})
  }))
  return JSON.stringify({
    name: spec.name,
    vers: spec.version,
    deps,
    cksum,
    features: spec.features ?? {},
    yanked: spec.yanked ?? false,
    links: spec.links ?? null,
    ...(spec.v !== undefined ? { v: spec.v } : {}),
    ...(spec.features2 !== undefined ? { features2: spec.features2 } : {}),
    ...(spec.rust_version !== undefined ? { rust_version: spec.rust_version } : {})
  })
}

/** The directory part of the index layout, written out here independently of the engine's. */
function prefixOf(name: string): string {
  const chars = [...name]
  if (chars.length <= 2) return String(chars.length)
  if (chars.length === 3) return `3/${chars[0]}`
  return `${chars.slice(0, 2).join('')}/${chars.slice(2, 4).join('')}`
}

function indexPathOf(name: string): string {
  const lower = name.toLowerCase()
  return `${prefixOf(lower)}/${lower}`
}

export class SparseRegistryServer {
  readonly requests: RequestRecord[] = []
  private readonly index = new Map<string, IndexFile>()
  private readonly downloads = new Map<string, Buffer>()
  private readonly forced = new Map<string, number>()
  private clock = Date.UTC(2024, 0, 1)
  private dlPattern = '/api/v1/crates'

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly validators: Validators
  ) {}

  /** Starts a server on a free port of 127.0.0.1 with a default `config.json`. */
  static async start(options: { readonly validators?: Validators } = {}): Promise<SparseRegistryServer> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const self = new SparseRegistryServer(server, `http://127.0.0.1:${port}`, options.validators ?? 'etag')
    server.on('request', (req: IncomingMessage, res: ServerResponse) => self.handle(req, res))
    self.setDownloadTemplate('/api/v1/crates')
    return self
  }

  /** The index root as the engine takes it (`http://127.0.0.1:PORT/index/`). */
  get indexUrl(): string {
    return `${this.origin}/index/`
  }

  /**
   * Sets `config.json`'s `dl` to the origin plus `pattern` (markers allowed). Archives are
   * served wherever the pattern puts them, expanded here for each version published after.
   */
  setDownloadTemplate(pattern: string, extra: Record<string, unknown> = {}): void {
    this.dlPattern = pattern
    this.setIndexFile(
      'config.json',
      JSON.stringify({ dl: `${this.origin}${pattern}`, api: this.origin, ...extra })
    )
  }

  /** Replaces (or with undefined, removes) an index file; a change gets a new validator. */
  setIndexFile(path: string, body: string | undefined): void {
    if (body === undefined) {
      this.index.delete(path)
      return
    }
    if (this.index.get(path)?.body === body) return
    this.clock += 1000
    this.index.set(path, {
      body,
      etag: `"${sha256(Buffer.from(body)).slice(0, 16)}"`,
      lastModified: new Date(this.clock).toUTCString()
    })
  }

  /** Appends a raw line to `name`'s index file, for lines the engine must skip. */
  appendIndexLine(name: string, line: string): void {
    const path = indexPathOf(name)
    const before = this.index.get(path)?.body ?? ''
    this.setIndexFile(path, `${before}${line}\n`)
  }

  /**
   * Publishes `spec`: builds its archive (or takes `archive`), lists it with its sha256, and
   * serves `served` in its place when given (a tampered download). Returns the checksum.
   */
  async publish(
    spec: CrateSpec,
    options: { readonly archive?: Buffer; readonly served?: Buffer } = {}
  ): Promise<string> {
    const archive = options.archive ?? (await crateTarball(spec))
    const cksum = sha256(archive)
    this.appendIndexLine(spec.name, indexLine(spec, cksum))
    this.downloads.set(this.downloadPath(spec.name, spec.version, cksum), options.served ?? archive)
    return cksum
  }

  /** Answers every request for `path` (`/index/3/f/foo`, `/api/...`) with `status` from now on. */
  forceStatus(path: string, status: number | undefined): void {
    if (status === undefined) this.forced.delete(path)
    else this.forced.set(path, status)
  }

  /** How many requests for `path` were answered with each status. */
  statuses(path: string): Record<number, number> {
    const counts: Record<number, number> = {}
    for (const r of this.requests.filter((r) => r.path === path))
      counts[r.status] = (counts[r.status] ?? 0) + 1
    return counts
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private downloadPath(name: string, version: string, cksum: string): string {
    const p = this.dlPattern
    if (!/\{(crate|version|prefix|lowerprefix|sha256-checksum)\}/.test(p))
      return `${p}/${name}/${version}/download`
    return p
      .replaceAll('{crate}', name)
      .replaceAll('{version}', version)
      .replaceAll('{prefix}', prefixOf(name))
      .replaceAll('{lowerprefix}', prefixOf(name).toLowerCase())
      .replaceAll('{sha256-checksum}', cksum)
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/'
    const reply = (status: number, body?: Uint8Array | string, headers: Record<string, string> = {}) => {
      this.requests.push({ path, status, headers: req.headers })
      res.writeHead(status, headers)
      res.end(body)
    }
    const forced = this.forced.get(path)
    if (forced !== undefined) return reply(forced, 'forced failure')
    if (path.startsWith('/index/')) {
      const file = this.index.get(decodeURIComponent(path.slice('/index/'.length)))
      if (!file) return reply(404, 'not found')
      const headers: Record<string, string> = { 'content-type': 'text/plain' }
      if (this.validators === 'etag') headers.etag = file.etag
      if (this.validators === 'last-modified') headers['last-modified'] = file.lastModified
      const inm = req.headers['if-none-match']
      const ims = req.headers['if-modified-since']
      const fresh =
        (this.validators === 'etag' && inm === file.etag) ||
        (this.validators === 'last-modified' &&
          ims !== undefined &&
          Date.parse(ims) >= Date.parse(file.lastModified))
      return fresh ? reply(304, undefined, headers) : reply(200, file.body, headers)
    }
    const archive = this.downloads.get(path)
    if (archive) return reply(200, archive, { 'content-type': 'application/gzip' })
    return reply(404, 'not found')
  }
}
