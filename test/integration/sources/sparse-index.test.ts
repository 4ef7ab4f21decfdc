/**
 * The sparse source's index side against a real HTTP server on 127.0.0.1: paths, summaries,
 * revalidation with ETag and Last-Modified, offline reads, not-found and server failures.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CRATES_IO } from '../../../src/main/engine/sources/source-id'
import {
  SparseRegistrySource,
  type SparseSourceOptions
} from '../../../src/main/engine/sources/sparse/sparse-source'
import { SparseRegistryServer, type Validators } from '../../helpers/sparse-registry-server'
import { tempDir } from '../../helpers/temp-dir'

let server: SparseRegistryServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function registry(validators: Validators = 'etag'): Promise<SparseRegistryServer> {
  server = await SparseRegistryServer.start({ validators })
  return server
}

function source(reg: SparseRegistryServer, cacheDir: string, extra: Partial<SparseSourceOptions> = {}) {
  return new SparseRegistrySource({ url: `sparse+${reg.indexUrl}`, cacheDir, ...extra })
}

const versions = (list: readonly { version: string }[]) => list.map((s) => s.version).sort()

describe('sparse index queries', () => {
  it('fetch each package from its index path, lowercased', async () => {
    const reg = await registry()
    for (const name of ['a', 'ab', 'abc', 'AbCd', 'serde_json']) await reg.publish({ name, version: '1.0.0' })
    const src = source(reg, await tempDir())
    for (const name of ['a', 'ab', 'abc', 'AbCd', 'serde_json'])
      expect(versions(await src.query(name))).toEqual(['1.0.0'])
    expect(reg.requests.map((r) => r.path)).toEqual([
      '/index/1/a',
      '/index/2/ab',
      '/index/3/a/abc',
      '/index/ab/cd/abcd',
      '/index/se/rd/serde_json'
    ])
    expect(reg.requests[0]?.headers).toMatchObject({ 'cargo-protocol': 'version=1', accept: 'text/plain' })
  })

  it('turns lines into summaries of this registry, renamed and cross-registry deps included', async () => {
    const reg = await registry()
    await reg.publish({
      name: 'foo',
      version: '1.2.3',
      deps: [
        { name: 'json', req: '^1', package: 'serde_json', features: ['std'] },
        { name: 'bar', req: '^2', optional: true, kind: 'dev', target: 'cfg(unix)' },
        { name: 'baz', req: '^3', registry: 'https://github.com/rust-lang/crates.io-index' }
      ],
      features: { default: ['bar'] },
      features2: { extra: ['dep:bar'] },
      links: 'foo',
      rust_version: '1.70',
      v: 2
    })
    const src = source(reg, await tempDir())
    const [foo] = await src.query('foo')
    expect(foo).toMatchObject({
      name: 'foo',
      version: '1.2.3',
      source: { kind: 'sparse', url: reg.indexUrl },
      features: { default: ['bar'], extra: ['dep:bar'] },
      links: 'foo',
      rustVersion: '1.70',
      yanked: false
    })
    expect(foo?.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(foo?.deps).toEqual([
      expect.objectContaining({ name: 'json', packageName: 'serde_json', features: ['std'], source: src.id }),
      expect.objectContaining({
        name: 'bar',
        optional: true,
        kind: 'dev',
        target: 'cfg(unix)',
        source: src.id
      }),
      expect.objectContaining({ name: 'baz', source: CRATES_IO })
    ])
  })

  it('keeps yanked versions marked and leaves out lines of a newer schema', async () => {
    const reg = await registry()
    await reg.publish({ name: 'foo', version: '1.0.0' })
    await reg.publish({ name: 'foo', version: '1.1.0', yanked: true })
    await reg.publish({ name: 'foo', version: '2.0.0', v: 3 })
    reg.appendIndexLine('foo', '{"this line": "is not a version"}')
    const list = await source(reg, await tempDir()).query('foo')
    expect(list.map((s) => [s.version, s.yanked])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true]
    ])
  })

  it('answers an empty list for a package the registry does not have (404 and 410)', async () => {
    const reg = await registry()
    const src = source(reg, await tempDir())
    expect(await src.query('nope')).toEqual([])
    reg.forceStatus('/index/go/ne/gone', 410)
    expect(await src.query('gone')).toEqual([])
  })

  it('fetches a package once for many simultaneous queries', async () => {
    const reg = await registry()
    await reg.publish({ name: 'foo', version: '1.0.0' })
    await reg.publish({ name: 'bar', version: '1.0.0' })
    const src = source(reg, await tempDir())
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => src.query(i % 2 ? 'foo' : 'bar')))
    expect(answers.every((a) => a.length === 1)).toBe(true)
    expect(reg.statuses('/index/3/f/foo')).toEqual({ 200: 1 })
    expect(reg.statuses('/index/3/b/bar')).toEqual({ 200: 1 })
  })

  it.each<Validators>(['etag', 'last-modified'])(
    'revalidates the cache with %s and keeps it on 304',
    async (validators) => {
      const reg = await registry(validators)
      await reg.publish({ name: 'foo', version: '1.0.0' })
      const cacheDir = await tempDir()
      expect(versions(await source(reg, cacheDir).query('foo'))).toEqual(['1.0.0'])
      // A new source (the next operation) asks again, conditionally.
      expect(versions(await source(reg, cacheDir).query('foo'))).toEqual(['1.0.0'])
      expect(reg.statuses('/index/3/f/foo')).toEqual({ 200: 1, 304: 1 })
      const conditional = reg.requests[1]?.headers
      if (validators === 'etag') expect(conditional?.['if-none-match']).toMatch(/^".+"$/)
      else expect(conditional?.['if-modified-since']).toMatch(/GMT$/)

      await reg.publish({ name: 'foo', version: '1.1.0' })
      expect(versions(await source(reg, cacheDir).query('foo'))).toEqual(['1.0.0', '1.1.0'])
      expect(reg.statuses('/index/3/f/foo')).toEqual({ 200: 2, 304: 1 })
    }
  )

  it('works offline from the cache and names what the cache lacks', async () => {
    const reg = await registry()
    await reg.publish({ name: 'foo', version: '1.0.0' })
    const cacheDir = await tempDir()
    await source(reg, cacheDir).query('foo')
    await reg.close()
    server = undefined
    const offline = source(reg, cacheDir, { offline: true })
    expect(versions(await offline.query('foo'))).toEqual(['1.0.0'])
    await expect(offline.query('bar')).rejects.toMatchObject({
      code: 'not-found',
      message: `Offline: the index entry of \`bar\` is not in the cache (${reg.indexUrl}3/b/bar was never fetched).`
    })
  })

  it('drops the cached copy of a package that disappeared', async () => {
    const reg = await registry()
    await reg.publish({ name: 'foo', version: '1.0.0' })
    const cacheDir = await tempDir()
    await source(reg, cacheDir).query('foo')
    reg.setIndexFile('3/f/foo', undefined)
    expect(await source(reg, cacheDir).query('foo')).toEqual([])
    await expect(source(reg, cacheDir, { offline: true }).query('foo')).rejects.toMatchObject({
      code: 'not-found'
    })
  })

  it('reports a server error with the URL and a hint, and can retry afterwards', async () => {
    const reg = await registry()
    await reg.publish({ name: 'foo', version: '1.0.0' })
    reg.forceStatus('/index/3/f/foo', 503)
    const src = source(reg, await tempDir())
    await expect(src.query('foo')).rejects.toMatchObject({
      code: 'io',
      message: `Failed to fetch ${reg.indexUrl}3/f/foo: HTTP 503 Service Unavailable.`,
      details: { hint: 'The registry had a server error; try again later.' }
    })
    reg.forceStatus('/index/3/f/foo', undefined)
    expect(versions(await src.query('foo'))).toEqual(['1.0.0'])
  })

  it('reports an unreachable registry with the URL', async () => {
    const reg = await registry()
    const url = reg.indexUrl
    await reg.close()
    server = undefined
    const src = new SparseRegistrySource({ url, cacheDir: await tempDir() })
    await expect(src.query('foo')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(new RegExp(`^Could not fetch ${url}3/f/foo: .*ECONNREFUSED`)) as unknown
    })
  })

  it('refuses a registry URL without the trailing slash, as cargo does', () => {
    expect(
      () => new SparseRegistrySource({ url: 'sparse+http://127.0.0.1:1/index', cacheDir: '/nonexistent' })
    ).toThrow(/must end in a slash/)
  })
})
