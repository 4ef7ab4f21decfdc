/**
 * The sparse source's download side against a real HTTP server on 127.0.0.1: download URL
 * templates, the checksum checked before anything is unpacked, crafted archives refused, and
 * interrupted unpacking never trusted.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Summary } from '../../../src/main/engine/sources/summary'
import {
  SparseRegistrySource,
  type SparseSourceOptions
} from '../../../src/main/engine/sources/sparse/sparse-source'
import {
  crateEntries,
  SparseRegistryServer,
  tarball,
  type CrateSpec,
  type TarEntrySpec
} from '../../helpers/sparse-registry-server'
import { tempDir } from '../../helpers/temp-dir'

let server: SparseRegistryServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function registry(): Promise<SparseRegistryServer> {
  server = await SparseRegistryServer.start()
  return server
}

function source(reg: SparseRegistryServer, cacheDir: string, extra: Partial<SparseSourceOptions> = {}) {
  return new SparseRegistrySource({ url: reg.indexUrl, cacheDir, ...extra })
}

async function summaryOf(src: SparseRegistrySource, name: string, version: string): Promise<Summary> {
  const found = (await src.query(name)).find((s) => s.version === version)
  if (!found) throw new Error(`${name} ${version} is not in the index`)
  return found
}

/** Everything below `dir`, as sorted relative paths (folders end in `/`). */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}${e.isDirectory() ? '/' : ''}`)
    .sort()
}

const FOO: CrateSpec = { name: 'foo', version: '1.0.0', files: { 'README.md': 'hello\n' } }

describe('sparse downloads', () => {
  it('fetch from the default dl layout, unpack and mark the package complete', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    const cacheDir = await tempDir()
    const src = source(reg, cacheDir)
    const dir = await src.download(await summaryOf(src, 'foo', '1.0.0'))
    expect(dir).toBe(join(cacheDir, 'src', 'foo-1.0.0'))
    expect(await tree(dir)).toEqual(['.cargo-ok', 'Cargo.toml', 'README.md', 'src/', 'src/lib.rs'])
    expect(await readFile(join(dir, '.cargo-ok'), 'utf8')).toBe('{"v":1}')
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('hello\n')
    expect(reg.requests.map((r) => r.path)).toEqual([
      '/index/3/f/foo',
      '/index/config.json',
      '/api/v1/crates/foo/1.0.0/download'
    ])
  })

  it('fill in every dl template marker', async () => {
    const reg = await registry()
    reg.setDownloadTemplate(
      '/files/{prefix}/{lowerprefix}/{crate}/{version}/{crate}-{version}.crate?sum={sha256-checksum}'
    )
    const cksum = await reg.publish({ name: 'AbCd', version: '0.1.0' })
    const src = source(reg, await tempDir())
    await src.download(await summaryOf(src, 'AbCd', '0.1.0'))
    expect(reg.requests.at(-1)).toMatchObject({
      path: `/files/Ab/Cd/ab/cd/AbCd/0.1.0/AbCd-0.1.0.crate?sum=${cksum}`,
      status: 200
    })
  })

  it('reuses an unpacked package without asking the registry again', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    const cacheDir = await tempDir()
    const first = source(reg, cacheDir)
    const summary = await summaryOf(first, 'foo', '1.0.0')
    const [a, b] = await Promise.all([first.download(summary), first.download(summary)])
    expect(a).toBe(b)
    const requests = reg.requests.length
    expect(await source(reg, cacheDir, { offline: true }).download(summary)).toBe(a)
    expect(reg.requests.length).toBe(requests)
    expect(reg.statuses('/api/v1/crates/foo/1.0.0/download')).toEqual({ 200: 1 })
  })

  it('keeps the verified archive, so an unpacked folder that is lost is rebuilt offline', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    const cacheDir = await tempDir()
    const src = source(reg, cacheDir)
    const summary = await summaryOf(src, 'foo', '1.0.0')
    const dir = await src.download(summary)
    await rm(dir, { recursive: true })
    await source(reg, cacheDir, { offline: true }).download(summary)
    expect(await tree(dir)).toContain('src/lib.rs')
  })

  it('says offline that a package was never downloaded', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    const cacheDir = await tempDir()
    const summary = await summaryOf(source(reg, cacheDir), 'foo', '1.0.0')
    await expect(source(reg, cacheDir, { offline: true }).download(summary)).rejects.toMatchObject({
      code: 'not-found',
      message: 'Offline: `foo v1.0.0` has not been downloaded yet.'
    })
  })

  it('refuses a tampered archive before unpacking anything', async () => {
    const reg = await registry()
    const evil = await tarball(
      crateEntries({ ...FOO, files: { 'src/lib.rs': 'compile_error!("owned");\n' } })
    )
    const cksum = await reg.publish(FOO, { served: evil })
    const cacheDir = await tempDir()
    const src = source(reg, cacheDir)
    const err = await src.download(await summaryOf(src, 'foo', '1.0.0')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'io' })
    expect((err as Error).message).toContain('Failed to verify the checksum of `foo v1.0.0`')
    expect((err as Error).message).toContain(`the index lists ${cksum}`)
    expect(await tree(join(cacheDir, 'src'))).toEqual([])
    expect(await tree(join(cacheDir, 'crates'))).toEqual([])
  })

  it('says when the registry has no archive for a listed version', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    reg.forceStatus('/api/v1/crates/foo/1.0.0/download', 404)
    const src = source(reg, await tempDir())
    await expect(src.download(await summaryOf(src, 'foo', '1.0.0'))).rejects.toMatchObject({
      code: 'not-found',
      message: `The registry has no download for \`foo v1.0.0\` (HTTP 404 from ${reg.origin}/api/v1/crates/foo/1.0.0/download).`
    })
  })

  const CRAFTED: [string, TarEntrySpec[], RegExp][] = [
    ['climbs out with ..', [{ name: 'foo-1.0.0/../../escaped.rs', body: 'x' }], /climbs out with `\.\.`/],
    ['is absolute', [{ name: '/tmp/escaped.rs', body: 'x' }], /an absolute path/],
    [
      'lies outside name-version/',
      [{ name: 'bar-1.0.0/Cargo.toml', body: 'x' }],
      /not under `foo-1\.0\.0\/`/
    ],
    [
      'is a symlink',
      [{ name: 'foo-1.0.0/link', type: 'symlink', linkname: '/etc/passwd' }],
      /a symlink entry/
    ],
    [
      'is a hard link',
      [{ name: 'foo-1.0.0/hard', type: 'link', linkname: 'foo-1.0.0/Cargo.toml' }],
      /a link entry/
    ],
    ['is a device', [{ name: 'foo-1.0.0/dev', type: 'character-device' }], /a character-device entry/],
    ['repeats a file', [{ name: 'foo-1.0.0/Cargo.toml', body: 'again' }], /`foo-1\.0\.0\/Cargo\.toml` twice/],
    [
      'differs from another only in case',
      [{ name: 'foo-1.0.0/src/LIB.rs', body: 'x' }],
      /`src\/lib\.rs` and `src\/LIB\.rs`, one file on a case-insensitive/
    ],
    [
      'differs from another only in Unicode normalization',
      [
        { name: 'foo-1.0.0/caf\u00e9.rs', body: 'composed' },
        { name: 'foo-1.0.0/cafe\u0301.rs', body: 'decomposed' }
      ],
      /one file on a case-insensitive or normalizing file system/
    ]
  ]

  it.each(CRAFTED)(
    'refuses an archive with an entry that %s, leaving nothing behind',
    async (_what, extra, why) => {
      const reg = await registry()
      const archive = await tarball([...crateEntries(FOO), ...extra])
      await reg.publish(FOO, { archive })
      const cacheDir = await tempDir()
      const src = source(reg, cacheDir)
      const err = await src.download(await summaryOf(src, 'foo', '1.0.0')).catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'io', message: expect.stringMatching(why) as unknown })
      expect((err as Error).message).toMatch(
        /^The archive of `foo v1\.0\.0` contains .*; it was not unpacked\.$/
      )
      expect(await tree(join(cacheDir, 'src'))).toEqual([])
      await expect(stat(join(cacheDir, 'escaped.rs'))).rejects.toThrow()
    }
  )

  it('refuses an archive without a manifest', async () => {
    const reg = await registry()
    await reg.publish(FOO, { archive: await tarball([{ name: 'foo-1.0.0/src/lib.rs', body: '' }]) })
    const src = source(reg, await tempDir())
    await expect(src.download(await summaryOf(src, 'foo', '1.0.0'))).rejects.toThrow(
      /has no `foo-1\.0\.0\/Cargo\.toml`/
    )
  })

  it('does not let an archive vouch for itself with a .cargo-ok of its own', async () => {
    const reg = await registry()
    await reg.publish(FOO, {
      archive: await tarball([...crateEntries(FOO), { name: 'foo-1.0.0/.cargo-ok', body: 'ok' }])
    })
    const src = source(reg, await tempDir())
    const dir = await src.download(await summaryOf(src, 'foo', '1.0.0'))
    expect(await readFile(join(dir, '.cargo-ok'), 'utf8')).toBe('{"v":1}')
  })

  it('keeps the executable bit and nothing else of the archive modes', async () => {
    const reg = await registry()
    const archive = await tarball([
      ...crateEntries(FOO),
      { name: 'foo-1.0.0/run.sh', body: '#!/bin/sh\n', mode: 0o4777 },
      { name: 'foo-1.0.0/open.txt', body: '', mode: 0o666 }
    ])
    await reg.publish(FOO, { archive })
    const src = source(reg, await tempDir())
    const dir = await src.download(await summaryOf(src, 'foo', '1.0.0'))
    expect((await stat(join(dir, 'run.sh'))).mode & 0o7777).toBe(0o755 & ~process.umask())
    expect((await stat(join(dir, 'open.txt'))).mode & 0o7777).toBe(0o644 & ~process.umask())
  })

  it('never trusts an interrupted unpacking, and cleans up what a dead process left', async () => {
    const reg = await registry()
    await reg.publish(FOO)
    const cacheDir = await tempDir()
    // An unpacking that stopped halfway: the folder without its marker, with a stray file, and
    // a temporary folder of a process that no longer exists.
    const dir = join(cacheDir, 'src', 'foo-1.0.0')
    await mkdir(join(dir, 'src'), { recursive: true })
    await writeFile(join(dir, 'Cargo.toml'), '[package]\nname = "half')
    await writeFile(join(dir, 'stray.rs'), '')
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid
    const abandoned = join(cacheDir, 'src', `.tmp-foo-1.0.0-${deadPid}-x`)
    await mkdir(join(abandoned, 'foo-1.0.0'), { recursive: true })

    const src = source(reg, cacheDir)
    expect(await src.download(await summaryOf(src, 'foo', '1.0.0'))).toBe(dir)
    expect(await tree(join(cacheDir, 'src'))).toEqual([
      'foo-1.0.0/',
      'foo-1.0.0/.cargo-ok',
      'foo-1.0.0/Cargo.toml',
      'foo-1.0.0/README.md',
      'foo-1.0.0/src/',
      'foo-1.0.0/src/lib.rs'
    ])
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toContain('name = "foo"')
  })

  it('leaves nothing behind when an archive breaks off halfway', async () => {
    const reg = await registry()
    const whole = await tarball([
      ...crateEntries(FOO),
      { name: 'foo-1.0.0/big.rs', body: 'x'.repeat(200_000) }
    ])
    const truncated = whole.subarray(0, Math.floor(whole.length / 2))
    await reg.publish(FOO, { archive: truncated })
    const cacheDir = await tempDir()
    const src = source(reg, cacheDir)
    await expect(src.download(await summaryOf(src, 'foo', '1.0.0'))).rejects.toThrow(/could not be unpacked/)
    expect(await tree(join(cacheDir, 'src'))).toEqual([])
  })
})
