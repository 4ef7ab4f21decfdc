/**
 * Real cargo and the sparse source against the same local registry: they must ask for the same
 * files, unpack the same tree (with the same `.cargo-ok`), agree on which versions are usable,
 * and both refuse a tampered archive. This is also what keeps the test server honest: cargo
 * accepts its index lines and archives.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { execa } from 'execa'
import { sourceIdString } from '../../../src/main/engine/sources/source-id'
import { SparseRegistrySource } from '../../../src/main/engine/sources/sparse/sparse-source'
import { offlinePackage, runCargo } from '../../helpers/cargo-offline'
import { crateEntries, SparseRegistryServer, tarball } from '../../helpers/sparse-registry-server'
import { tempDir } from '../../helpers/temp-dir'

let server: SparseRegistryServer | undefined

beforeAll(async () => {
  await execa('cargo', ['--version']).catch(() => {
    throw new Error('cargo is not on PATH: this test compares with the real cargo')
  })
})

afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A package depending on `foo` from the registry `local`, and a CARGO_HOME that knows it. */
async function cargoProject(reg: SparseRegistryServer, req: string) {
  const dir = await offlinePackage(
    await tempDir(),
    `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfoo = { version = "${req}", registry = "local" }\n`
  )
  const home = await tempDir('cs-cargo-home-')
  await writeFile(join(home, 'config.toml'), `[registries.local]\nindex = "sparse+${reg.indexUrl}"\n`)
  return { dir, home }
}

async function cargoSrcDir(home: string): Promise<string> {
  const [registryDir] = await readdir(join(home, 'registry', 'src'))
  return join(home, 'registry', 'src', registryDir ?? '')
}

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort()
}

function lockedVersions(lock: string, name: string): string[] {
  return [...lock.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)]
    .filter((m) => m[1] === name)
    .map((m) => m[2] ?? '')
}

describe('the sparse source next to cargo', () => {
  it('fetches the same index files and unpacks the same tree', async () => {
    const reg = (server = await SparseRegistryServer.start())
    await reg.publish({ name: 'bar', version: '1.0.0' })
    await reg.publish({
      name: 'foo',
      version: '1.0.0',
      deps: [{ name: 'bar', req: '^1' }],
      files: { 'README.md': 'hi\n', 'src/inner/mod.rs': '' }
    })
    const { dir, home } = await cargoProject(reg, '1')
    const fetched = await runCargo(['fetch'], dir, home, false)
    expect(fetched.stderr).not.toMatch(/error/)
    const cargoPaths = new Set(reg.requests.map((r) => r.path))
    const cargoFoo = join(await cargoSrcDir(home), 'foo-1.0.0')
    reg.requests.length = 0

    const cacheDir = await tempDir()
    const src = new SparseRegistrySource({ url: reg.indexUrl, cacheDir })
    for (const name of ['foo', 'bar']) for (const s of await src.query(name)) await src.download(s)
    expect(new Set(reg.requests.map((r) => r.path))).toEqual(cargoPaths)

    const ours = join(cacheDir, 'src', 'foo-1.0.0')
    expect(await tree(ours)).toEqual(await tree(cargoFoo))
    expect(await readFile(join(ours, '.cargo-ok'), 'utf8')).toBe(
      await readFile(join(cargoFoo, '.cargo-ok'), 'utf8')
    )
  })

  it('revalidates the index the same way: If-None-Match with the ETag, then 304', async () => {
    const reg = (server = await SparseRegistryServer.start())
    await reg.publish({ name: 'foo', version: '1.0.0' })
    const { dir, home } = await cargoProject(reg, '1')
    expect((await runCargo(['generate-lockfile'], dir, home, false)).exitCode).toBe(0)
    expect((await runCargo(['update'], dir, home, false)).exitCode).toBe(0)
    const cargoSecond = reg.requests.filter((r) => r.path === '/index/3/f/foo').at(-1)
    reg.requests.length = 0

    const cacheDir = await tempDir()
    await new SparseRegistrySource({ url: reg.indexUrl, cacheDir }).query('foo')
    await new SparseRegistrySource({ url: reg.indexUrl, cacheDir }).query('foo')
    const oursSecond = reg.requests.filter((r) => r.path === '/index/3/f/foo').at(-1)
    expect(cargoSecond?.status).toBe(304)
    expect(oursSecond?.status).toBe(304)
    expect(oursSecond?.headers['if-none-match']).toBe(cargoSecond?.headers['if-none-match'])
  })

  it('agrees on which versions count: yanked ones are marked, newer-schema ones absent', async () => {
    const reg = (server = await SparseRegistryServer.start())
    await reg.publish({ name: 'foo', version: '1.0.0' })
    await reg.publish({ name: 'foo', version: '1.1.0', yanked: true })
    await reg.publish({ name: 'foo', version: '1.2.0', v: 3 })
    const { dir, home } = await cargoProject(reg, '1')
    const locked = await runCargo(['generate-lockfile'], dir, home, false)
    expect(locked.exitCode).toBe(0)
    const lock = await readFile(join(dir, 'Cargo.lock'), 'utf8')
    const cargoChoice = lockedVersions(lock, 'foo')

    const list = await new SparseRegistrySource({ url: reg.indexUrl, cacheDir: await tempDir() }).query('foo')
    const usable = list.filter((s) => !s.yanked).map((s) => s.version)
    expect(usable).toEqual(cargoChoice)
    expect(list.map((s) => s.version)).not.toContain('1.2.0')
    // The identity Cargo.lock records is the one our summaries carry.
    expect(list[0]?.source).toEqual({ kind: 'sparse', url: reg.indexUrl })
    expect(lock).toContain(`source = "${sourceIdString({ kind: 'sparse', url: reg.indexUrl })}"`)
  })

  it('both refuse a tampered archive', async () => {
    const reg = (server = await SparseRegistryServer.start())
    const spec = { name: 'foo', version: '1.0.0' }
    await reg.publish(spec, {
      served: await tarball([...crateEntries(spec), { name: 'foo-1.0.0/x.rs', body: '' }])
    })
    const { dir, home } = await cargoProject(reg, '1')
    const cargo = await runCargo(['fetch'], dir, home, false)
    expect(cargo.exitCode).not.toBe(0)
    expect(cargo.stderr).toContain('failed to verify the checksum of `foo v1.0.0')

    const src = new SparseRegistrySource({ url: reg.indexUrl, cacheDir: await tempDir() })
    const [summary] = await src.query('foo')
    if (!summary) throw new Error('foo is not listed')
    await expect(src.download(summary)).rejects.toThrow('Failed to verify the checksum of `foo v1.0.0`')
  })
})
