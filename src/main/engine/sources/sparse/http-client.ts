/**
 * The one way the sparse source talks HTTP: Node's `fetch` (undici) or an injected stand-in,
 * with a per-request timeout, the operation's cancel signal, a cap on in-flight requests (a
 * resolver fires many queries at once; cargo likewise keeps a registry to a few connections)
 * and a cap on body size. Failures become `EngineError`s that name the URL.
 */
import { EngineError } from '../../errors'

/** `fetch`'s shape, injectable so tests can fail, slow down or count requests. */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>

export interface HttpOptions {
  readonly fetch?: FetchFn
  /** Per request, body included. */
  readonly timeoutMs?: number
  /** Cancels every request in flight and every later one. */
  readonly signal?: AbortSignal
  readonly maxConcurrent?: number
}

export interface HttpResponse {
  readonly status: number
  readonly statusText: string
  readonly headers: Headers
  /** Read only for 200 responses; empty otherwise. */
  readonly body: Uint8Array
}

/** Sent with every request, so a registry's logs can tell who is asking. */
export const USER_AGENT = 'crate-studio'

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_CONCURRENCY = 16
const MIB = 1024 * 1024

function describeCause(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code
    return code ? `${cause.message} (${code})` : cause.message
  }
  return (e as Error).message
}

export class HttpClient {
  private readonly fetchFn: FetchFn
  private readonly timeoutMs: number
  private readonly maxConcurrent: number
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly options: HttpOptions = {}) {
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init))
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.maxConcurrent = options.maxConcurrent ?? DEFAULT_CONCURRENCY
  }

  /** GETs `url`; the body is read (up to `maxBytes`) only when the status is 200. */
  async get(url: string, headers: Record<string, string>, maxBytes: number): Promise<HttpResponse> {
    this.throwIfCancelled(url)
    await this.slot()
    try {
      this.throwIfCancelled(url)
      return await this.request(url, headers, maxBytes)
    } finally {
      this.release()
    }
  }

  private async request(
    url: string,
    headers: Record<string, string>,
    maxBytes: number
  ): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs)
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout
    try {
      const res = await this.fetchFn(url, {
        headers: { 'user-agent': USER_AGENT, ...headers },
        signal,
        redirect: 'follow'
      })
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {})
        return {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
          body: new Uint8Array()
        }
      }
      const body = await readLimited(res, url, maxBytes)
      return { status: res.status, statusText: res.statusText, headers: res.headers, body }
    } catch (e) {
      if (e instanceof EngineError) throw e
      this.throwIfCancelled(url)
      if (timeout.aborted)
        throw new EngineError('io', `Timed out after ${this.timeoutMs / 1000} s fetching ${url}.`, {
          hint: 'The registry is slow or unreachable; try again, or work offline from the cache.'
        })
      throw new EngineError('io', `Could not fetch ${url}: ${describeCause(e)}.`, {
        hint: 'Check the network connection and the registry URL, or work offline from the cache.'
      })
    }
  }

  private throwIfCancelled(url: string): void {
    if (this.options.signal?.aborted) throw new EngineError('cancelled', `Cancelled while fetching ${url}.`)
  }

  private async slot(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }
}

async function readLimited(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new EngineError(
      'io',
      `${url} is larger than ${Math.round(maxBytes / MIB)} MiB; refusing to download it.`,
      {
        hint: 'Check that the registry URL is right; a registry never serves files this large.'
      }
    )
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  if (!res.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > maxBytes) throw tooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
