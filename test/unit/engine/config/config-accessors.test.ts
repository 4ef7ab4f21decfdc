import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../../src/main/engine/config/load-cargo-config'
import {
  buildTargets,
  gitFetchWithCli,
  netOffline,
  targetDir
} from '../../../../src/main/engine/config/net-build-config'
import {
  cratesIoProtocol,
  defaultRegistry,
  registryNames,
  registrySourceId
} from '../../../../src/main/engine/config/registries-config'
import { EngineError } from '../../../../src/main/engine/errors'
import { CRATES_IO } from '../../../../src/main/engine/sources/source-id'
import { tempDir } from '../../../helpers/temp-dir'
import { writeTree } from './write-tree'

/** `ws/.cargo/config.toml` holds `wsConfig`; cargo runs in `ws/app`; CARGO_HOME is `home/`. */
async function configWith(wsConfig: string, env: Record<string, string> = {}, homeConfig?: string) {
  const root = await tempDir()
  await writeTree(root, {
    'ws/.cargo/config.toml': wsConfig,
    ...(homeConfig === undefined ? {} : { 'home/config.toml': homeConfig })
  })
  const cwd = join(root, 'ws', 'app')
  await mkdir(cwd, { recursive: true })
  const config = await loadCargoConfig({ cwd, env, homeDir: '/nonexistent', cargoHome: join(root, 'home') })
  return { root, cwd, config }
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

describe('[net]', () => {
  it('reads offline and git-fetch-with-cli, the environment winning over files', async () => {
    const { config } = await configWith('[net]\noffline = false\ngit-fetch-with-cli = true\n', {
      CARGO_NET_OFFLINE: 'true'
    })
    expect(netOffline(config)).toBe(true)
    expect(gitFetchWithCli(config)).toBe(true)
  })

  it('is undefined when nothing sets it', async () => {
    const { config } = await configWith('')
    expect(netOffline(config)).toBeUndefined()
  })

  it('accepts only true/false from the environment, like cargo', async () => {
    const { config } = await configWith('', { CARGO_NET_OFFLINE: 'yes' })
    expect(errorOf(() => netOffline(config)).message).toContain(
      '`CARGO_NET_OFFLINE` must be `true` or `false`'
    )
  })

  it('reports a value of the wrong type with its file and line', async () => {
    const { root, config } = await configWith('[net]\nretry = 2\noffline = "yes"\n')
    const error = errorOf(() => netOffline(config))
    expect(error.message).toContain('`net.offline`')
    expect(error.details).toMatchObject({ file: join(root, 'ws/.cargo/config.toml'), line: 3 })
  })
})

describe('target directory', () => {
  it('resolves build.target-dir against the folder above `.cargo`', async () => {
    const { root, config } = await configWith('[build]\ntarget-dir = "out"\n')
    expect(targetDir(config)).toBe(join(root, 'ws', 'out'))
  })

  it('resolves the home config against the parent of CARGO_HOME, as cargo does', async () => {
    const { root, config } = await configWith('', {}, '[build]\ntarget-dir = "h"\n')
    expect(targetDir(config)).toBe(join(root, 'h'))
  })

  it('takes CARGO_BUILD_TARGET_DIR relative to the working directory', async () => {
    const { cwd, config } = await configWith('[build]\ntarget-dir = "out"\n', {
      CARGO_BUILD_TARGET_DIR: 'rel'
    })
    expect(targetDir(config)).toBe(join(cwd, 'rel'))
  })

  it('lets CARGO_TARGET_DIR win over both', async () => {
    const { cwd, config } = await configWith('[build]\ntarget-dir = "out"\n', {
      CARGO_BUILD_TARGET_DIR: 'rel',
      CARGO_TARGET_DIR: 't2'
    })
    expect(targetDir(config)).toBe(join(cwd, 't2'))
  })

  it('refuses an empty target directory, naming where it was set', async () => {
    const env = await configWith('', { CARGO_TARGET_DIR: '' })
    expect(errorOf(() => targetDir(env.config)).message).toContain('`CARGO_TARGET_DIR`')
    const file = await configWith('[build]\ntarget-dir = ""\n')
    expect(errorOf(() => targetDir(file.config)).details).toMatchObject({ line: 2 })
  })
})

describe('build.target', () => {
  it('keeps triples and resolves `.json` specifications like config paths', async () => {
    const { root, config } = await configWith(
      '[build]\ntarget = ["x86_64-unknown-linux-gnu", "specs/my.json"]\n'
    )
    expect(buildTargets(config)).toEqual(['x86_64-unknown-linux-gnu', join(root, 'ws', 'specs/my.json')])
  })

  it('takes CARGO_BUILD_TARGET over a single target in a file', async () => {
    const { config } = await configWith('[build]\ntarget = "a"\n', {
      CARGO_BUILD_TARGET: 'wasm32-unknown-unknown'
    })
    expect(buildTargets(config)).toEqual(['wasm32-unknown-unknown'])
  })

  it('does not confuse build.target with build.target-dir', async () => {
    const { config } = await configWith('', { CARGO_BUILD_TARGET_DIR: 'x' })
    expect(buildTargets(config)).toBeUndefined()
  })
})

describe('registries', () => {
  it('maps registry names to sparse or git index IDs, the environment overriding the index', async () => {
    const { config } = await configWith(
      '[registries.my-reg]\nindex = "sparse+https://reg.example/index/"\n[registries.gitreg]\nindex = "https://git.example/index"\n',
      { CARGO_REGISTRIES_GITREG_INDEX: 'https://other.example/index' }
    )
    expect(registryNames(config)).toEqual(['my-reg', 'gitreg'])
    expect(registrySourceId(config, 'my-reg')).toEqual({ kind: 'sparse', url: 'https://reg.example/index/' })
    expect(registrySourceId(config, 'gitreg')).toEqual({
      kind: 'registry',
      url: 'https://other.example/index'
    })
    expect(registrySourceId(config, undefined)).toEqual(CRATES_IO)
    expect(registrySourceId(config, 'crates-io')).toEqual(CRATES_IO)
  })

  it('finds a registry defined only by the environment (CARGO_REGISTRIES_<NAME>_INDEX)', async () => {
    const { config } = await configWith('', { CARGO_REGISTRIES_MY_REG_INDEX: 'sparse+https://env.example/' })
    expect(registrySourceId(config, 'my-reg')).toEqual({ kind: 'sparse', url: 'https://env.example/' })
  })

  it('explains an unknown registry and a URL with a password', async () => {
    const { config } = await configWith('[registries.bad]\nindex = "https://u:secret@host/index"\n')
    expect(errorOf(() => registrySourceId(config, 'nope')).message).toContain(
      'The registry index was not found in any configuration: `nope`'
    )
    expect(errorOf(() => registrySourceId(config, 'bad')).details).toMatchObject({ line: 2 })
  })

  it('reads registry.default and the crates.io protocol', async () => {
    const { config } = await configWith('[registry]\ndefault = "my-reg"\n', {
      CARGO_REGISTRIES_CRATES_IO_PROTOCOL: 'git'
    })
    expect(defaultRegistry(config)).toBe('my-reg')
    expect(cratesIoProtocol(config)).toBe('git')
    const plain = await configWith('')
    expect(cratesIoProtocol(plain.config)).toBe('sparse')
    const wrong = await configWith('[registries.crates-io]\nprotocol = "ftp"\n')
    expect(errorOf(() => cratesIoProtocol(wrong.config)).message).toContain(
      'Unsupported registry protocol `ftp`'
    )
  })
})
