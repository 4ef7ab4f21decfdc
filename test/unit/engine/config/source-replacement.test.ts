import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../../src/main/engine/config/load-cargo-config'
import { EngineError } from '../../../../src/main/engine/errors'
import { DirectorySource } from '../../../../src/main/engine/sources/directory/directory-source'
import { CRATES_IO, type SourceId } from '../../../../src/main/engine/sources/source-id'
import { SourceRegistry } from '../../../../src/main/engine/sources/source-registry'
import type { PackageSource, Summary } from '../../../../src/main/engine/sources/summary'
import { tempDir } from '../../../helpers/temp-dir'
import { writeTree } from './write-tree'

/** A stand-in for the sparse, git and path sources: one package `a` whose dependency `b` is in the same source. */
class FakeSource implements PackageSource {
  readonly downloads: Summary[] = []
  constructor(
    readonly id: SourceId,
    readonly made: string
  ) {}
  query(name: string): Promise<readonly Summary[]> {
    const dep = {
      name: 'b',
      packageName: 'b',
      req: '1',
      kind: 'normal' as const,
      optional: false,
      defaultFeatures: true,
      features: [],
      source: this.id
    }
    const other = { ...dep, name: 'c', packageName: 'c', source: CRATES_IO }
    return Promise.resolve(
      name === 'a'
        ? [
            {
              name,
              version: '1.0.0',
              source: this.id,
              deps: [dep, other],
              features: {},
              checksum: 'ff',
              yanked: false
            }
          ]
        : []
    )
  }
  download(summary: Summary): Promise<string> {
    this.downloads.push(summary)
    return Promise.resolve(`/fake/${this.made}`)
  }
}

async function registryWith(config: string, env: Record<string, string> = {}) {
  const root = await tempDir()
  await writeTree(root, { 'ws/.cargo/config.toml': config })
  const cwd = join(root, 'ws', 'p')
  await mkdir(cwd, { recursive: true })
  const cargo = await loadCargoConfig({ cwd, env, homeDir: '/nonexistent', cargoHome: join(root, 'home') })
  const made: { kind: string; id: SourceId; source: FakeSource }[] = []
  const factory = (kind: string) => (id: SourceId) => {
    const source = new FakeSource(id, kind)
    made.push({ kind, id, source })
    return source
  }
  const registry = new SourceRegistry(cargo, {
    path: factory('path'),
    git: factory('git'),
    registry: factory('registry')
  })
  return { root, registry, made }
}

function errorOf(f: () => unknown): EngineError {
  try {
    f()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}

const GIT_ID: SourceId = {
  kind: 'git',
  url: 'https://github.com/Owner/Repo.git',
  ref: { type: 'branch', value: 'main' }
}

describe('SourceRegistry: replacement', () => {
  it('serves crates.io from a directory source that keeps crates.io’s identity', async () => {
    const { root, registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "vendored"\n[source.vendored]\ndirectory = "vendor"\n'
    )
    const source = registry.sourceFor(CRATES_IO)
    expect(source).toBeInstanceOf(DirectorySource)
    expect(source.id).toEqual(CRATES_IO)
    expect((source as DirectorySource).root).toBe(join(root, 'ws', 'vendor'))
    expect(registry.sourceFor(CRATES_IO)).toBe(source)
    expect(registry.describeSource(CRATES_IO)).toEqual({
      text: `directory source \`${join(root, 'ws', 'vendor')}\` (which is replacing registry \`crates-io\`)`,
      replaced: true
    })
  })

  it('follows a replace-with chain', async () => {
    const { registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "a"\n[source.a]\nregistry = "sparse+https://a.example/"\nreplace-with = "b"\n[source.b]\ndirectory = "/srv/vendor"\n'
    )
    expect((registry.sourceFor(CRATES_IO) as DirectorySource).root).toBe('/srv/vendor')
  })

  it('replaces with a [registries] entry, mapping summaries back to the replaced identity', async () => {
    const { registry, made } = await registryWith(
      '[source.crates-io]\nreplace-with = "my-reg"\n[registries.my-reg]\nindex = "sparse+https://reg.example/index/"\n'
    )
    const source = registry.sourceFor(CRATES_IO)
    expect(made.map((m) => [m.kind, m.id])).toEqual([
      ['registry', { kind: 'sparse', url: 'https://reg.example/index/' }]
    ])
    const [a] = await source.query('a')
    expect(a?.source).toEqual(CRATES_IO)
    expect(a?.deps.map((d) => d.source)).toEqual([CRATES_IO, CRATES_IO])
    expect(await source.download(a!)).toBe('/fake/registry')
    expect(made[0]?.source.downloads[0]?.source).toEqual({
      kind: 'sparse',
      url: 'https://reg.example/index/'
    })
    expect(registry.describeSource(CRATES_IO)).toEqual({
      text: '`my-reg` index (which is replacing registry `crates-io`)',
      replaced: true
    })
  })

  it('replaces a locked git source matched by its canonical URL, keeping the lock', async () => {
    const { registry } = await registryWith(
      '[source."git+https://github.com/owner/repo?branch=main"]\ngit = "https://github.com/owner/repo"\nbranch = "main"\nreplace-with = "vendored"\n[source.vendored]\ndirectory = "/srv/v"\n'
    )
    const locked = { ...GIT_ID, precise: 'a'.repeat(40) }
    const source = registry.sourceFor(locked)
    expect(source).toBeInstanceOf(DirectorySource)
    expect(source.id).toEqual(locked)
    expect(errorOf(() => registry.sourceFor(GIT_ID)).message).toContain(
      'requires a lock file to be present first before it can be used against vendored source code'
    )
  })
})

describe('SourceRegistry: errors cargo reports', () => {
  it('a cycle through the replaced source', async () => {
    const { registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "a"\n[source.a]\nreplace-with = "crates-io"\ndirectory = "x"\n'
    )
    const e = errorOf(() => registry.sourceFor(CRATES_IO))
    expect(e.message).toContain('the source `crates-io` is eventually replaced with itself')
    expect(e.details.line).toBe(4)
  })

  it('a cycle that never returns to the start (where cargo 1.95 loops forever)', async () => {
    const { registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "a"\n[source.a]\nreplace-with = "b"\ndirectory = "x"\n[source.b]\nreplace-with = "a"\ndirectory = "y"\n'
    )
    expect(errorOf(() => registry.sourceFor(CRATES_IO)).message).toContain(
      'the source `a` is eventually replaced with itself'
    )
  })

  it('an unknown name, with the file that names it', async () => {
    const { root, registry } = await registryWith('[source.crates-io]\nreplace-with = "nope"\n')
    expect(errorOf(() => registry.sourceFor(CRATES_IO)).details.line).toBe(2)
    expect(errorOf(() => registry.sourceFor(CRATES_IO)).message).toBe(
      `Could not find a configured source with the name \`nope\` when attempting to lookup \`crates-io\` (configuration in \`${join(root, 'ws/.cargo/config.toml')}\`).`
    )
  })

  it('a registry replaced by git (no checksums)', async () => {
    const { registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "g"\n[source.g]\ngit = "https://example.com/x"\n'
    )
    expect(errorOf(() => registry.sourceFor(CRATES_IO)).message).toBe(
      'Cannot replace `crates-io` with `g`: the source `crates-io` supports checksums, but `g` does not.'
    )
  })

  it('a local registry, which is not supported yet', async () => {
    const { registry } = await registryWith(
      '[source.crates-io]\nreplace-with = "l"\n[source.l]\nlocal-registry = "lr"\n'
    )
    expect(errorOf(() => registry.sourceFor(CRATES_IO)).code).toBe('unsupported')
  })
})

describe('SourceRegistry: sources that are not replaced', () => {
  it('reads crates.io through its sparse index (cargo’s built-in replacement), or git when configured', async () => {
    const sparse = await registryWith('')
    const [a] = await sparse.registry.sourceFor(CRATES_IO).query('a')
    expect(sparse.made.map((m) => m.id)).toEqual([{ kind: 'sparse', url: 'https://index.crates.io/' }])
    expect(a?.source).toEqual(CRATES_IO)
    expect(sparse.registry.describeSource(CRATES_IO)).toEqual({ text: 'crates.io index', replaced: false })
    const git = await registryWith('[registries.crates-io]\nprotocol = "git"\n')
    git.registry.sourceFor(CRATES_IO)
    expect(git.made.map((m) => m.id)).toEqual([CRATES_IO])
  })

  it('hands path, git and other registry IDs to their factories', async () => {
    const { registry, made } = await registryWith('[registries.alt]\nindex = "sparse+https://alt.example/"\n')
    const alt: SourceId = { kind: 'sparse', url: 'https://alt.example/' }
    registry.sourceFor({ kind: 'path', path: '/p' })
    registry.sourceFor(GIT_ID)
    registry.sourceFor(alt)
    expect(made.map((m) => m.kind)).toEqual(['path', 'git', 'registry'])
    expect(registry.describeSource(alt)).toEqual({ text: '`alt` index', replaced: false })
  })
})
