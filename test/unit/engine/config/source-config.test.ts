import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../../src/main/engine/config/load-cargo-config'
import { readSourceConfigs } from '../../../../src/main/engine/config/source-config'
import { EngineError } from '../../../../src/main/engine/errors'
import { CRATES_IO } from '../../../../src/main/engine/sources/source-id'
import { tempDir } from '../../../helpers/temp-dir'
import { writeTree } from './write-tree'

async function sources(files: Record<string, string>, env: Record<string, string> = {}) {
  const root = await tempDir()
  await writeTree(root, files)
  const cwd = join(root, 'ws', 'sub', 'p')
  await mkdir(cwd, { recursive: true })
  const config = await loadCargoConfig({ cwd, env, homeDir: '/nonexistent', cargoHome: join(root, 'home') })
  return { root, cwd, config, read: () => readSourceConfigs(config) }
}

const VENDOR = '[source.crates-io]\nreplace-with = "v"\n[source.v]\ndirectory = "vendor"\n'

async function failure(files: Record<string, string>): Promise<EngineError> {
  const { read } = await sources(files)
  try {
    read()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}

describe('[source] tables', () => {
  it('resolves a relative directory against the folder above `.cargo`, not the working directory', async () => {
    const { root, read } = await sources({ 'ws/.cargo/config.toml': VENDOR })
    const configs = read()
    expect(configs.byName.get('v')?.location).toEqual({ kind: 'directory', path: join(root, 'ws', 'vendor') })
    expect(configs.byName.get('crates-io')).toMatchObject({
      location: { kind: 'registry', id: CRATES_IO },
      replaceWith: { value: 'v', def: { file: join(root, 'ws/.cargo/config.toml'), line: 2 } }
    })
  })

  it('resolves a directory in the CARGO_HOME config against the parent of CARGO_HOME', async () => {
    const { root, read } = await sources({ 'home/config.toml': VENDOR })
    expect(read().byName.get('v')?.location).toEqual({ kind: 'directory', path: join(root, 'vendor') })
  })

  it('lets CARGO_SOURCE_<name as written>_DIRECTORY override, relative to the working directory', async () => {
    const files = { 'ws/.cargo/config.toml': VENDOR }
    const lower = await sources(files, { CARGO_SOURCE_v_DIRECTORY: 'envdir' })
    expect(lower.read().byName.get('v')?.location).toEqual({
      kind: 'directory',
      path: join(lower.cwd, 'envdir')
    })
    const upper = await sources(files, { CARGO_SOURCE_V_DIRECTORY: 'envdir' })
    expect(upper.read().byName.get('v')?.location).toEqual({
      kind: 'directory',
      path: join(upper.root, 'ws', 'vendor')
    })
  })

  it('reads registry, git (with its reference) and local-registry locations', async () => {
    const { root, read } = await sources({
      'ws/.cargo/config.toml':
        '[source.s]\nregistry = "sparse+https://mirror.example/index/"\n' +
        '[source.g]\ngit = "https://example.com/repo.git"\ntag = "v1"\n' +
        '[source.l]\nlocal-registry = "lr"\n'
    })
    const byName = read().byName
    expect(byName.get('s')?.location).toEqual({
      kind: 'registry',
      id: { kind: 'sparse', url: 'https://mirror.example/index/' }
    })
    expect(byName.get('g')?.location).toEqual({
      kind: 'git',
      id: { kind: 'git', url: 'https://example.com/repo.git', ref: { type: 'tag', value: 'v1' } }
    })
    expect(byName.get('l')?.location).toEqual({ kind: 'local-registry', path: join(root, 'ws', 'lr') })
  })

  it('warns about keys cargo does not know', async () => {
    const { root, config, read } = await sources({
      'ws/.cargo/config.toml': '[source.v]\ndirectory = "x"\nfoo = 1\n'
    })
    read()
    const file = join(root, 'ws/.cargo/config.toml')
    expect(config.warnings).toEqual([
      { file, line: 3, message: `unused config key \`source.v.foo\` in \`${file}\`` }
    ])
  })

  it('allows redefining crates-io (a mirror)', async () => {
    const { read } = await sources({
      'ws/.cargo/config.toml': '[source.crates-io]\nregistry = "sparse+https://mirror.example/"\n'
    })
    const configs = read()
    expect(configs.byName.get('crates-io')?.location).toEqual({
      kind: 'registry',
      id: { kind: 'sparse', url: 'https://mirror.example/' }
    })
  })
})

describe('[source] errors cargo reports', () => {
  it('more than one location', async () => {
    const e = await failure({
      'ws/.cargo/config.toml': '[source.a]\ndirectory = "x"\nregistry = "https://r.example/"\n'
    })
    expect(e.message).toBe('More than one source location specified for `source.a`.')
    expect(e.details.line).toBe(1)
  })

  it('no location', async () => {
    const e = await failure({ 'ws/.cargo/config.toml': '[source.a]\nreplace-with = "b"\n' })
    expect(e.message).toContain('No source location specified for `source.a`')
  })

  it('a git reference without `git`', async () => {
    const e = await failure({ 'ws/.cargo/config.toml': '[source.a]\ndirectory = "x"\nbranch = "main"\n' })
    expect(e.message).toContain('specifies `branch`, but that requires a `git` key')
    expect(e.details.line).toBe(3)
  })

  it('the same location under two names', async () => {
    const e = await failure({
      'ws/.cargo/config.toml': '[source.a]\ndirectory = "x"\n[source.b]\ndirectory = "x"\n'
    })
    expect(e.message).toMatch(
      /^Source `b` defines source dir .*\/ws\/x, but that source is already defined by `a`\.$/
    )
  })

  it('an invalid URL', async () => {
    const e = await failure({ 'ws/.cargo/config.toml': '[source.a]\nregistry = "not a url"\n' })
    expect(e.message).toContain('`source.a.registry` specified an invalid URL')
    expect(e.details.line).toBe(2)
  })

  it('the retired registry.index', async () => {
    const e = await failure({ 'ws/.cargo/config.toml': '[registry]\nindex = "https://x.example/"\n' })
    expect(e.message).toBe('The `registry.index` config value is no longer supported.')
  })
})
