import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../../../../../src/main/engine/errors'
import { DirectorySource } from '../../../../../src/main/engine/sources/directory/directory-source'
import { CRATES_IO, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import type { Summary } from '../../../../../src/main/engine/sources/summary'
import { tempDir } from '../../../../helpers/temp-dir'
import { publishedManifest, vendor } from './vendor-fixture'

const FOO_DEPS = `rust-version = "1.60"
links = "foo"

[dependencies.serde]
version = "1.0.100"
optional = true
default-features = false
features = ["derive", "std"]

[dependencies.rand_core]
version = "0.6"
package = "rand-core-fork"

[dev-dependencies.itoa]
version = "1"

[build-dependencies]
cc = "^1.0.73"

[target."cfg(unix)".dependencies.libc]
version = ">=0.2.100, <0.3"

[features]
default = ["std"]
std = ["serde?/std"]
derive = ["dep:serde", "serde/derive"]
`

async function registry(): Promise<string> {
  const root = await tempDir()
  await vendor(root, 'foo-1.0.0', {
    files: { 'Cargo.toml': publishedManifest('foo', '1.0.0', FOO_DEPS), 'src/lib.rs': 'pub fn f() {}\n' },
    packageChecksum: 'aa'.repeat(32)
  })
  await vendor(root, 'foo-1.1.0-beta.1', {
    files: { 'Cargo.toml': publishedManifest('foo', '1.1.0-beta.1'), 'src/lib.rs': '' },
    packageChecksum: 'Could not get crate checksum'
  })
  // `cargo vendor` names one version's folder after the package alone.
  await vendor(root, 'foo', {
    files: { 'Cargo.toml': publishedManifest('foo', '2.0.0') },
    packageChecksum: null
  })
  await vendor(root, 'foo-bar-0.1.0', { files: { 'Cargo.toml': publishedManifest('foo-bar', '0.1.0') } })
  await vendor(root, 'md-5-0.10.6', { files: { 'Cargo.toml': publishedManifest('md-5', '0.10.6') } })
  await vendor(root, '.hidden-1.0.0', { files: { 'Cargo.toml': publishedManifest('hidden', '1.0.0') } })
  await vendor(root, 'leftover-1.0.0', { files: { 'README.md': 'no manifest here' } })
  await vendor(root, 'misnamed-1.0.0', { files: { 'Cargo.toml': publishedManifest('other', '1.0.0') } })
  return root
}

function byVersion(summaries: readonly Summary[]): Record<string, Summary> {
  return Object.fromEntries(summaries.map((s) => [s.version, s]))
}

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  if (e instanceof EngineError) return e
  throw new Error(`expected an EngineError, got ${String(e)}`)
}

describe('DirectorySource.query', () => {
  it('lists every version of a package, from versioned and unversioned folders', async () => {
    const source = new DirectorySource({ root: await registry() })
    const versions = (await source.query('foo')).map((s) => s.version).sort()
    expect(versions).toEqual(['1.0.0', '1.1.0-beta.1', '2.0.0'])
    expect((await source.query('foo-bar')).map((s) => s.version)).toEqual(['0.1.0'])
    expect((await source.query('md-5')).map((s) => s.version)).toEqual(['0.10.6'])
  })

  it('reads the published manifest into a summary under the replaced source’s identity', async () => {
    const alt: SourceId = { kind: 'sparse', url: 'https://mirror.example/' }
    const source = new DirectorySource({ root: await registry(), id: alt })
    const foo = byVersion(await source.query('foo'))['1.0.0']
    expect(foo).toEqual({
      name: 'foo',
      version: '1.0.0',
      source: alt,
      checksum: 'aa'.repeat(32),
      yanked: false,
      links: 'foo',
      rustVersion: '1.60',
      features: { default: ['std'], std: ['serde?/std'], derive: ['dep:serde', 'serde/derive'] },
      deps: [
        {
          name: 'serde',
          packageName: 'serde',
          req: '1.0.100',
          kind: 'normal',
          optional: true,
          defaultFeatures: false,
          features: ['derive', 'std'],
          source: CRATES_IO
        },
        {
          name: 'rand_core',
          packageName: 'rand-core-fork',
          req: '0.6',
          kind: 'normal',
          optional: false,
          defaultFeatures: true,
          features: [],
          source: CRATES_IO
        },
        expect.objectContaining({ name: 'itoa', kind: 'dev', req: '1' }),
        expect.objectContaining({ name: 'cc', kind: 'build', req: '^1.0.73' }),
        expect.objectContaining({ name: 'libc', kind: 'normal', target: 'cfg(unix)', req: '>=0.2.100, <0.3' })
      ]
    })
  })

  it('keeps `.cargo-checksum.json`’s package field verbatim, Debian’s placeholder included', async () => {
    const foo = byVersion(await new DirectorySource({ root: await registry() }).query('foo'))
    expect(foo['1.1.0-beta.1']?.checksum).toBe('Could not get crate checksum')
    expect(foo['2.0.0']).not.toHaveProperty('checksum')
  })

  it('skips hidden folders, folders without a manifest, and manifests of another package', async () => {
    const source = new DirectorySource({ root: await registry() })
    expect(await source.query('hidden')).toEqual([])
    expect(await source.query('leftover')).toEqual([])
    expect(await source.query('misnamed')).toEqual([])
    expect(await source.query('nothing-here')).toEqual([])
  })

  it('reads only the folders a query needs, so a broken package fails only its own queries', async () => {
    const root = await registry()
    await vendor(root, 'broken-1.0.0', { files: { 'Cargo.toml': '[package\nname = "broken"\n' } })
    await vendor(root, 'nosum-1.0.0', {
      files: { 'Cargo.toml': publishedManifest('nosum', '1.0.0') },
      noChecksumFile: true
    })
    const source = new DirectorySource({ root })
    expect(await source.query('foo')).toHaveLength(3)
    const parse = await failure(source.query('broken'))
    expect(parse.details).toMatchObject({ file: join(root, 'broken-1.0.0', 'Cargo.toml'), line: 1 })
    const missing = await failure(source.query('nosum'))
    expect(missing.message).toContain('`.cargo-checksum.json` of nosum v1.0.0')
  })

  it('refuses a malformed checksum file, naming it', async () => {
    const root = await tempDir()
    const dir = await vendor(root, 'x-1.0.0', { files: { 'Cargo.toml': publishedManifest('x', '1.0.0') } })
    await writeFile(join(dir, '.cargo-checksum.json'), '{"package": "abc"}')
    const e = await failure(new DirectorySource({ root }).query('x'))
    expect(e.message).toBe('Failed to decode `.cargo-checksum.json` of x v1.0.0: missing field `files`.')
    expect(e.details.file).toBe(join(dir, '.cargo-checksum.json'))
  })

  it('says which directory is missing', async () => {
    const root = join(await tempDir(), 'vendor')
    const e = await failure(new DirectorySource({ root }).query('x'))
    expect(e.code).toBe('not-found')
    expect(e.message).toContain(root)
  })

  it('points `registry-index` and `registry = "name"` dependencies at their registry', async () => {
    const root = await tempDir()
    await vendor(root, 'y-1.0.0', {
      files: {
        'Cargo.toml': publishedManifest(
          'y',
          '1.0.0',
          '[dependencies.a]\nversion = "1"\nregistry-index = "sparse+https://alt.example/index/"\n' +
            '[dependencies.b]\nversion = "1"\nregistry = "named"\n[dependencies.c]\nversion = "1"\n'
        )
      }
    })
    const named: SourceId = { kind: 'registry', url: 'https://named.example/index' }
    const source = new DirectorySource({ root, registry: (n) => (n === 'named' ? named : CRATES_IO) })
    const [y] = await source.query('y')
    expect(y?.deps.map((d) => [d.name, d.source])).toEqual([
      ['a', { kind: 'sparse', url: 'https://alt.example/index/' }],
      ['b', named],
      ['c', CRATES_IO]
    ])
  })
})

describe('DirectorySource.download', () => {
  it('verifies the listed files and returns the package folder', async () => {
    const root = await registry()
    const source = new DirectorySource({ root })
    const foo = byVersion(await source.query('foo'))['1.0.0']!
    expect(await source.download(foo)).toBe(join(root, 'foo-1.0.0'))
  })

  it('fails on an edited file, naming it and both checksums', async () => {
    const root = await registry()
    await writeFile(join(root, 'foo-1.0.0', 'src', 'lib.rs'), 'pub fn edited() {}\n')
    const source = new DirectorySource({ root })
    const foo = byVersion(await source.query('foo'))['1.0.0']!
    const e = await failure(source.download(foo))
    const file = join(root, 'foo-1.0.0', 'src', 'lib.rs')
    expect(e.message).toMatch(
      new RegExp(
        `^The listed checksum of \`${file}\` has changed:\\nexpected: [0-9a-f]{64}\\nactual:   [0-9a-f]{64}$`
      )
    )
    expect(e.details.file).toBe(file)
    expect(e.details.hint).toContain('[patch]')
  })

  it('fails on a listed file that is gone, and on a listed path outside the package', async () => {
    const root = await tempDir()
    await vendor(root, 'gone-1.0.0', {
      files: { 'Cargo.toml': publishedManifest('gone', '1.0.0') },
      extraListed: { 'src/lib.rs': 'bb'.repeat(32) }
    })
    await vendor(root, 'escape-1.0.0', {
      files: { 'Cargo.toml': publishedManifest('escape', '1.0.0') },
      extraListed: { '../gone-1.0.0/Cargo.toml': 'cc'.repeat(32) }
    })
    const source = new DirectorySource({ root })
    const [gone] = await source.query('gone')
    expect((await failure(source.download(gone!))).message).toContain(
      `Failed to calculate the checksum of ${join(root, 'gone-1.0.0', 'src', 'lib.rs')}`
    )
    const [escape] = await source.query('escape')
    expect((await failure(source.download(escape!))).message).toContain('which is outside the package')
  })

  it('does not check files the checksum file does not list (Debian lists none)', async () => {
    const root = await registry()
    await writeFile(join(root, 'foo-bar-0.1.0', 'extra.rs'), 'unlisted')
    await rm(join(root, 'foo', 'Cargo.toml'))
    const source = new DirectorySource({ root })
    const [fooBar] = await source.query('foo-bar')
    expect(await source.download(fooBar!)).toBe(join(root, 'foo-bar-0.1.0'))
  })

  it('refuses a version it does not have', async () => {
    const source = new DirectorySource({ root: await registry() })
    const [foo] = await source.query('foo')
    const e = await failure(source.download({ ...foo!, version: '9.9.9' }))
    expect(e.code).toBe('not-found')
  })
})
