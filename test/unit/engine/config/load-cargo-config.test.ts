import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../../src/main/engine/config/load-cargo-config'
import { cargoHomeFrom } from '../../../../src/main/engine/config/cargo-home'
import { EngineError } from '../../../../src/main/engine/errors'
import { tempDir } from '../../../helpers/temp-dir'
import { writeTree } from './write-tree'

/** A tree with a project two levels below a workspace, and a separate CARGO_HOME. */
async function setup(files: Record<string, string>) {
  const root = await tempDir()
  await writeTree(root, files)
  const cwd = join(root, 'ws', 'crates', 'app')
  await mkdir(cwd, { recursive: true })
  const cargoHome = join(root, 'home')
  return { root, cwd, cargoHome }
}

function load(cwd: string, cargoHome: string, env: Record<string, string> = {}) {
  return loadCargoConfig({ cwd, env, homeDir: '/nonexistent', cargoHome })
}

describe('config files: discovery and precedence', () => {
  it('reads the project, every ancestor and CARGO_HOME, the deepest file winning plain values', async () => {
    const { root, cwd, cargoHome } = await setup({
      'ws/crates/app/.cargo/config.toml': '[build]\njobs = 1\n',
      'ws/.cargo/config.toml':
        '[build]\njobs = 2\ntarget = "x86_64-unknown-linux-gnu"\n[net]\noffline = true\n',
      'home/config.toml': '[build]\njobs = 3\nincremental = false\n[net]\noffline = false\nretry = 5\n'
    })
    const config = await load(cwd, cargoHome)
    expect(config.files).toEqual([
      join(root, 'ws/crates/app/.cargo/config.toml'),
      join(root, 'ws/.cargo/config.toml'),
      join(root, 'home/config.toml')
    ])
    const value = (path: string[]) => {
      const v = config.fileValue(path)
      return v && v.type !== 'table' && v.type !== 'list' ? v.value : undefined
    }
    expect(value(['build', 'jobs'])).toBe(1n)
    expect(value(['build', 'target'])).toBe('x86_64-unknown-linux-gnu')
    expect(value(['build', 'incremental'])).toBe(false)
    expect(value(['net', 'offline'])).toBe(true)
    expect(value(['net', 'retry'])).toBe(5n)
  })

  it('joins arrays with the farther file first, as cargo does', async () => {
    const { cwd, cargoHome } = await setup({
      'ws/crates/app/.cargo/config.toml': '[build]\nrustflags = ["-Cdeep"]\n',
      'ws/.cargo/config.toml': '[build]\nrustflags = ["-Cws1", "-Cws2"]\n',
      'home/config.toml': '[build]\nrustflags = ["-Chome"]\n'
    })
    const v = (await load(cwd, cargoHome)).fileValue(['build', 'rustflags'])
    expect(v?.type === 'list' && v.items.map((i) => (i.type === 'string' ? i.value : ''))).toEqual([
      '-Chome',
      '-Cws1',
      '-Cws2',
      '-Cdeep'
    ])
  })

  it('keeps the deeper program list instead of joining (target.*.runner)', async () => {
    const { cwd, cargoHome } = await setup({
      'ws/crates/app/.cargo/config.toml': '[target.x]\nrunner = ["deep", "--arg"]\n',
      'ws/.cargo/config.toml': '[target.x]\nrunner = ["far"]\n'
    })
    const v = (await load(cwd, cargoHome)).fileValue(['target', 'x', 'runner'])
    expect(v?.type === 'list' && v.items.length).toBe(2)
  })

  it('prefers the legacy `config` over `config.toml` in one folder, with cargo’s warning', async () => {
    const { root, cwd, cargoHome } = await setup({
      'ws/.cargo/config': '[net]\noffline = true\n',
      'ws/.cargo/config.toml': '[net]\noffline = false\n'
    })
    const config = await load(cwd, cargoHome)
    expect(config.files).toEqual([join(root, 'ws/.cargo/config')])
    expect(config.bool(['net', 'offline'])?.value).toBe(true)
    expect(config.warnings.map((w) => w.message)).toEqual([
      `both \`${join(root, 'ws/.cargo/config')}\` and \`${join(root, 'ws/.cargo/config.toml')}\` exist. Using \`${join(root, 'ws/.cargo/config')}\``
    ])
  })

  it('warns that a lone legacy `config` is deprecated', async () => {
    const { root, cwd, cargoHome } = await setup({ 'ws/.cargo/config': '[net]\noffline = true\n' })
    const config = await load(cwd, cargoHome)
    expect(config.warnings.map((w) => w.message)).toEqual([
      `\`${join(root, 'ws/.cargo/config')}\` is deprecated in favor of \`config.toml\`; if you need to support cargo 1.38 or earlier, symlink \`config\` to \`config.toml\`.`
    ])
  })

  it('does not warn when `config` is a symlink to `config.toml`', async () => {
    const { root, cwd, cargoHome } = await setup({ 'ws/.cargo/config.toml': '[net]\noffline = true\n' })
    await symlink('config.toml', join(root, 'ws/.cargo/config'))
    const config = await load(cwd, cargoHome)
    expect(config.warnings).toEqual([])
    expect(config.bool(['net', 'offline'])?.value).toBe(true)
  })

  it('reads CARGO_HOME once when it is one of the walked `.cargo` folders', async () => {
    const { root, cwd } = await setup({ 'ws/.cargo/config.toml': '[build]\nrustflags = ["-Conce"]\n' })
    const config = await load(cwd, join(root, 'ws', '.cargo'))
    expect(config.files).toEqual([join(root, 'ws/.cargo/config.toml')])
    const v = config.fileValue(['build', 'rustflags'])
    expect(v?.type === 'list' && v.items.length).toBe(1)
  })

  it('reports a TOML syntax error with its file and line', async () => {
    const { root, cwd, cargoHome } = await setup({
      'ws/.cargo/config.toml': '[net]\noffline = true\nretry = \n'
    })
    const error = await load(cwd, cargoHome).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).details).toMatchObject({
      file: join(root, 'ws/.cargo/config.toml'),
      line: 3
    })
  })

  it('refuses to merge a table with a plain value, naming both files', async () => {
    const { root, cwd, cargoHome } = await setup({
      'ws/crates/app/.cargo/config.toml': '[build]\ntarget = "a"\n',
      'ws/.cargo/config.toml': '[build.target]\nx = 1\n'
    })
    const error = (await load(cwd, cargoHome).catch((e: unknown) => e)) as EngineError
    expect(error.message).toContain('`build.target`')
    expect(error.message).toContain(join(root, 'ws/.cargo/config.toml'))
    expect(error.message).toContain(join(root, 'ws/crates/app/.cargo/config.toml'))
    expect(error.details).toMatchObject({ file: join(root, 'ws/.cargo/config.toml'), line: 1 })
  })

  it('lets the deeper file win when two plain values differ in kind', async () => {
    const { cwd, cargoHome } = await setup({
      'ws/crates/app/.cargo/config.toml': '[build]\njobs = "default"\n',
      'ws/.cargo/config.toml': '[build]\njobs = 4\n'
    })
    expect((await load(cwd, cargoHome)).string(['build', 'jobs'])?.value).toBe('default')
  })

  it('refuses floats with the key and line', async () => {
    const { cwd, cargoHome } = await setup({ 'ws/.cargo/config.toml': '[http]\n\ntimeout = 1.5\n' })
    const error = (await load(cwd, cargoHome).catch((e: unknown) => e)) as EngineError
    expect(error.message).toContain('`http.timeout`')
    expect(error.details.line).toBe(3)
  })
})

describe('CARGO_HOME', () => {
  it('comes from the environment, relative to the working directory, else ~/.cargo', () => {
    expect(cargoHomeFrom({ CARGO_HOME: 'rel/home' }, '/work', '/home/u')).toBe('/work/rel/home')
    expect(cargoHomeFrom({ CARGO_HOME: '/abs' }, '/work', '/home/u')).toBe('/abs')
    expect(cargoHomeFrom({ CARGO_HOME: '' }, '/work', '/home/u')).toBe('/home/u/.cargo')
    expect(cargoHomeFrom({}, '/work', '/home/u')).toBe('/home/u/.cargo')
  })

  it('is read from the injected environment when loading', async () => {
    const { root, cwd } = await setup({ 'elsewhere/config.toml': '[net]\noffline = true\n' })
    const config = await loadCargoConfig({ cwd, env: { CARGO_HOME: join(root, 'elsewhere') }, homeDir: root })
    expect(config.cargoHome).toBe(join(root, 'elsewhere'))
    expect(config.bool(['net', 'offline'])?.value).toBe(true)
  })
})
