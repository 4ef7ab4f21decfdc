/**
 * The store of dependencies' parsed manifests: what it keeps survives JSON unchanged (every
 * corpus manifest), a new process is served from the file, and nothing stale or damaged is
 * ever trusted: a changed Cargo.toml, another app build or an edited store file are all read
 * again from the manifest itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoverTargets } from '../../../../src/main/engine/manifest/discover-targets'
import { openImmutableManifests } from '../../../../src/main/engine/manifest/immutable-manifests'
import { parseManifestText } from '../../../../src/main/engine/manifest/read-manifest'
import { tempDir } from '../../../helpers/temp-dir'

const REGISTRY = '/usr/share/cargo/registry'

async function crate(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'src', 'bin'), { recursive: true })
  await writeFile(join(dir, 'src', 'lib.rs'), '')
  await writeFile(join(dir, 'src', 'bin', 'tool.rs'), 'fn main() {}\n')
  const file = join(dir, 'Cargo.toml')
  await writeFile(file, `[package]\nname = "dep"\nversion = "${version}"\nedition = "2021"\n`)
  return file
}

/** Rewrites the store file's body through `edit`, with or without a matching checksum. */
async function editStore(path: string, edit: (body: string) => string, recheck: boolean): Promise<void> {
  const { check, body } = JSON.parse(await readFile(path, 'utf8')) as { check: string; body: string }
  const next = edit(body)
  const sum = recheck ? createHash('sha256').update(next).digest('hex') : check
  await writeFile(path, JSON.stringify({ check: sum, body: next }))
}

describe('immutable manifests', () => {
  // Published manifests, as the store keeps them: Debian's crates, where .ci/run installs them.
  const published = existsSync(REGISTRY) ? readdirSync(REGISTRY).filter((d) => !d.startsWith('.')) : []
  it.runIf(published.length > 0)('keeps every published manifest through JSON unchanged', async () => {
    let kept = 0
    for (const dir of published) {
      const file = join(REGISTRY, dir, 'Cargo.toml')
      let pkg
      try {
        pkg = await discoverTargets(parseManifestText(readFileSync(file, 'utf8'), file))
      } catch {
        continue // never stored: a manifest that does not read is read (and reported) every time
      }
      expect(JSON.parse(JSON.stringify(pkg)), file).toEqual(pkg)
      kept++
    }
    expect(kept).toBeGreaterThan(published.length / 2)
  })

  it('serves a later process from its file, and reads a changed manifest again', async () => {
    const dir = await tempDir()
    const file = await crate(join(dir, 'dep-1.0.0'), '1.0.0')
    const store = { path: join(dir, 'cache', 'manifests.json'), codeIdentity: 'build-1' }
    const first = openImmutableManifests(store)
    const pkg = await first.package(file)
    expect(pkg.targets.map((t) => `${t.kind}:${t.name}`).sort()).toEqual(['bin:tool', 'lib:dep'])
    await first.save()

    // Proof the second store answers from the file: an entry edited there (checksum redone) is what it returns.
    await editStore(store.path, (body) => body.replaceAll('"1.0.0"', '"1.0.9"'), true)
    const second = openImmutableManifests(store)
    expect(second.manifest(file)?.manifest.package.version).toBe('1.0.9')
    expect((await second.package(file)).manifest.package.version).toBe('1.0.9')

    await writeFile(file, (await readFile(file, 'utf8')).replace('1.0.0', '1.0.1'))
    expect(openImmutableManifests(store).manifest(file)?.manifest.package.version).toBe('1.0.1')
  })

  it('discovers targets again when the folders they come from change, though Cargo.toml did not', async () => {
    const dir = await tempDir()
    const file = await crate(join(dir, 'dep-1.0.0'), '1.0.0')
    const path = join(dir, 'manifests.json')
    const first = openImmutableManifests({ path, codeIdentity: 'build-1' })
    expect((await first.package(file)).targets.map((t) => t.name).sort()).toEqual(['dep', 'tool'])
    await first.save()
    // A vendored copy switched to another branch: a new program, the manifest untouched.
    await writeFile(join(dir, 'dep-1.0.0', 'src', 'bin', 'extra.rs'), 'fn main() {}\n')
    const later = openImmutableManifests({ path, codeIdentity: 'build-1' })
    expect((await later.package(file)).targets.map((t) => t.name).sort()).toEqual(['dep', 'extra', 'tool'])
  })

  it('ignores a store file from another build of the app, or one edited by hand', async () => {
    const dir = await tempDir()
    const file = await crate(join(dir, 'dep-1.0.0'), '1.0.0')
    const path = join(dir, 'manifests.json')
    const first = openImmutableManifests({ path, codeIdentity: 'build-1' })
    first.manifest(file)
    await first.save()
    await editStore(path, (body) => body.replaceAll('"1.0.0"', '"6.6.6"'), true)
    expect(
      openImmutableManifests({ path, codeIdentity: 'build-2' }).manifest(file)?.manifest.package.version
    ).toBe('1.0.0')
    await editStore(path, (body) => body.replaceAll('"6.6.6"', '"7.7.7"'), false)
    expect(
      openImmutableManifests({ path, codeIdentity: 'build-1' }).manifest(file)?.manifest.package.version
    ).toBe('1.0.0')
    await writeFile(path, '{"check": "')
    expect(
      openImmutableManifests({ path, codeIdentity: 'build-1' }).manifest(file)?.manifest.package.version
    ).toBe('1.0.0')
  })

  it('has no manifest for a missing file, and reports a bad one with its line', async () => {
    const dir = await tempDir()
    const store = openImmutableManifests({ path: join(dir, 'manifests.json'), codeIdentity: 'x' })
    expect(store.manifest(join(dir, 'gone', 'Cargo.toml'))).toBeUndefined()
    await expect(store.package(join(dir, 'gone', 'Cargo.toml'))).rejects.toThrow(/Cargo\.toml/)
    await mkdir(join(dir, 'bad'))
    await writeFile(join(dir, 'bad', 'Cargo.toml'), '[package]\nname = "bad"\nversion = \n')
    const bad = join(dir, 'bad', 'Cargo.toml')
    let error: unknown
    try {
      store.manifest(bad)
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ details: { file: bad, line: 3 } })
  })

  it('keeps only the text of manifests that name a registry by index', async () => {
    const dir = await tempDir()
    const file = await crate(join(dir, 'dep'), '1.0.0')
    const store = openImmutableManifests()
    expect(store.manifest(file)?.registryIndexText).toBeUndefined()
    await writeFile(
      file,
      `${await readFile(file, 'utf8')}\n[dependencies.x]\nversion = "1"\nregistry-index = "sparse+https://r.example/"\n`
    )
    expect(store.manifest(file)?.registryIndexText).toContain('registry-index')
  })
})
