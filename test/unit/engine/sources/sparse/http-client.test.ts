import { describe, expect, it } from 'vitest'
import { HttpClient, type FetchFn } from '../../../../../src/main/engine/sources/sparse/http-client'

const URL = 'http://registry.invalid/index/3/f/foo'

/** A fetch that never answers, only fails when its signal aborts (as undici does). */
const hanging: FetchFn = (_url, init) =>
  new Promise((_resolve, reject) => {
    const fail = () => reject(init.signal?.reason as Error)
    if (init.signal?.aborted) fail()
    else init.signal?.addEventListener('abort', fail)
  })

describe('the HTTP client', () => {
  it('names the URL and the cause when the network fails', async () => {
    const refused: FetchFn = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
        })
      )
    const err = await new HttpClient({ fetch: refused }).get(URL, {}, 100).catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'io',
      message: `Could not fetch ${URL}: connect ECONNREFUSED (ECONNREFUSED).`,
      details: { hint: expect.stringContaining('network') as unknown }
    })
  })

  it('gives up after its timeout and says so', async () => {
    const err = await new HttpClient({ fetch: hanging, timeoutMs: 50 })
      .get(URL, {}, 100)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'io', message: `Timed out after 0.05 s fetching ${URL}.` })
  })

  it('reports a cancel as a cancel, not a network error', async () => {
    const controller = new AbortController()
    const pending = new HttpClient({ fetch: hanging, signal: controller.signal }).get(URL, {}, 100)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
    await expect(
      new HttpClient({ fetch: hanging, signal: controller.signal }).get(URL, {}, 100)
    ).rejects.toMatchObject({
      code: 'cancelled'
    })
  })

  it('refuses a body larger than allowed, declared or not', async () => {
    const big: FetchFn = () => Promise.resolve(new Response('x'.repeat(1000)))
    await expect(new HttpClient({ fetch: big }).get(URL, {}, 999)).rejects.toThrow(/is larger than/)
    const undeclared: FetchFn = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(c) {
              for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(100))
              c.close()
            }
          })
        )
      )
    await expect(new HttpClient({ fetch: undeclared }).get(URL, {}, 999)).rejects.toThrow(/is larger than/)
    await expect(new HttpClient({ fetch: undeclared }).get(URL, {}, 1000)).resolves.toMatchObject({
      status: 200
    })
  })

  it('reads no body for other statuses', async () => {
    const notModified: FetchFn = () => Promise.resolve(new Response(null, { status: 304 }))
    const res = await new HttpClient({ fetch: notModified }).get(URL, {}, 10)
    expect(res.status).toBe(304)
    expect(res.body.length).toBe(0)
  })

  it('keeps at most maxConcurrent requests in flight', async () => {
    let inFlight = 0
    let most = 0
    const release: (() => void)[] = []
    const gated: FetchFn = () => {
      inFlight++
      most = Math.max(most, inFlight)
      return new Promise((resolve) =>
        release.push(() => {
          inFlight--
          resolve(new Response('ok'))
        })
      )
    }
    const client = new HttpClient({ fetch: gated, maxConcurrent: 3 })
    let done = false
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => client.get(`${URL}${i}`, {}, 10)))
    void all.finally(() => (done = true))
    while (!done) {
      await new Promise((r) => setImmediate(r))
      release.shift()?.()
    }
    expect((await all).map((r) => r.status)).toEqual(Array(10).fill(200))
    expect(most).toBe(3)
  })
})
