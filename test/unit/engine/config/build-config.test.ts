import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  buildJobs,
  configEnv,
  configuredRustc,
  extraRustdocflags,
  extraRustflags,
  rustcProgram,
  rustdocProgram,
  rustcWorkspaceWrapper,
  rustcWrapper,
  rustcWrappers,
  withConfigEnv
} from '../../../../src/main/engine/config/build-config'
import { loadCargoConfig } from '../../../../src/main/engine/config/load-cargo-config'
import { EngineError } from '../../../../src/main/engine/errors'
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

const LINUX = {
  triple: 'x86_64-unknown-linux-gnu',
  cfg: new Map<string, readonly string[]>([
    ['unix', []],
    ['target_os', ['linux']],
    ['target_arch', ['x86_64']]
  ])
}

describe('rustc and its wrappers', () => {
  it('keeps a bare program name and resolves a path against the folder above .cargo', async () => {
    expect(configuredRustc((await configWith('[build]\nrustc = "my-rustc"\n')).config)).toBe('my-rustc')
    const { root, config } = await configWith('[build]\nrustc = "tools/rustc"\n')
    expect(configuredRustc(config)).toBe(join(root, 'ws', 'tools', 'rustc'))
  })

  it('takes RUSTC over build.rustc, a relative one against the working directory', async () => {
    const { cwd, config } = await configWith('[build]\nrustc = "my-rustc"\n', { RUSTC: 'bin/rustc' })
    expect(rustcProgram(config)).toBe(join(cwd, 'bin', 'rustc'))
    expect(rustcProgram((await configWith('')).config)).toBeUndefined()
  })

  it('takes RUSTC_WRAPPER over build.rustc-wrapper; an empty one switches it off', async () => {
    const { root, config } = await configWith('[build]\nrustc-wrapper = "./w.sh"\n')
    expect(rustcWrapper(config)).toBe(join(root, 'ws', 'w.sh'))
    expect(
      rustcWrapper(
        (await configWith('[build]\nrustc-wrapper = "./w.sh"\n', { RUSTC_WRAPPER: 'sccache' })).config
      )
    ).toBe('sccache')
    expect(
      rustcWrapper((await configWith('[build]\nrustc-wrapper = "./w.sh"\n', { RUSTC_WRAPPER: '' })).config)
    ).toBeUndefined()
    expect(rustcWrapper((await configWith('[build]\nrustc-wrapper = ""\n')).config)).toBeUndefined()
  })

  it('puts RUSTC_WRAPPER outside RUSTC_WORKSPACE_WRAPPER, the latter for members only', async () => {
    const { root, config } = await configWith('[build]\nrustc-workspace-wrapper = "../w2.sh"\n', {
      RUSTC_WRAPPER: '/bin/w1'
    })
    expect(rustcWorkspaceWrapper(config)).toBe(join(root, 'w2.sh'))
    expect(rustcWrappers(config, true)).toEqual(['/bin/w1', join(root, 'w2.sh')])
    expect(rustcWrappers(config, false)).toEqual(['/bin/w1'])
    const env = await configWith('[build]\nrustc-workspace-wrapper = "x"\n', {
      RUSTC_WORKSPACE_WRAPPER: 'clippy-driver'
    })
    expect(rustcWrappers(env.config, true)).toEqual(['clippy-driver'])
  })
})

describe('build.jobs', () => {
  it('takes an integer; a negative one leaves that many CPUs free, at least one job', async () => {
    expect(buildJobs((await configWith('[build]\njobs = 3\n')).config, 8)).toBe(3)
    expect(buildJobs((await configWith('[build]\njobs = -2\n')).config, 8)).toBe(6)
    expect(buildJobs((await configWith('', { CARGO_BUILD_JOBS: '-100' })).config, 8)).toBe(1)
    expect(buildJobs((await configWith('', { CARGO_BUILD_JOBS: '5' })).config, 8)).toBe(5)
    expect(buildJobs((await configWith('[build]\njobs = "default"\n')).config, 8)).toBeUndefined()
    expect(buildJobs((await configWith('')).config, 8)).toBeUndefined()
  })

  it('refuses 0, a quoted number in a file and anything else, as cargo does', async () => {
    const zero = await configWith('[build]\njobs = 0\n')
    expect(errorOf(() => buildJobs(zero.config, 8))).toMatchObject({
      message: expect.stringContaining('jobs may not be 0') as unknown,
      details: { file: zero.config.files[0], line: 2 }
    })
    expect(errorOf(() => buildJobs(zero.config, 8)).details.line).toBe(2)
    const quoted = (await configWith('[build]\njobs = "4"\n')).config
    expect(errorOf(() => buildJobs(quoted, 8)).message).toContain(
      'could not parse `4`. Number of parallel jobs should be `default` or a number.'
    )
    const spaced = (await configWith('', { CARGO_BUILD_JOBS: ' 4' })).config
    expect(errorOf(() => buildJobs(spaced, 8)).message).toContain('could not parse ` 4`')
    const bool = (await configWith('[build]\njobs = true\n')).config
    expect(errorOf(() => buildJobs(bool, 8)).message).toContain('must be an integer or a string')
  })
})

describe('extraRustflags', () => {
  const FILE = `[build]
rustflags = ["--cfg", "b"]
[target.x86_64-unknown-linux-gnu]
rustflags = ["--cfg", "t"]
[target.'cfg(unix)']
rustflags = ["--cfg", "u"]
[target.'cfg(all())']
rustflags = ["--cfg", "a"]
[target.'cfg(windows)']
rustflags = ["--cfg", "w"]
`

  it('CARGO_ENCODED_RUSTFLAGS, then RUSTFLAGS, then target tables, then build.rustflags; no merging', async () => {
    const encoded = await configWith(FILE, { CARGO_ENCODED_RUSTFLAGS: '--cfg\x1fen v', RUSTFLAGS: '--cfg r' })
    expect(extraRustflags(encoded.config, LINUX)).toEqual(['--cfg', 'en v'])
    const plain = await configWith(FILE, { RUSTFLAGS: ' --cfg  r1\t--x --cfg r2 ' })
    expect(extraRustflags(plain.config, LINUX)).toEqual(['--cfg', 'r1\t--x', '--cfg', 'r2'])
    expect(extraRustflags((await configWith(FILE, { RUSTFLAGS: '' })).config, LINUX)).toEqual([])
    expect(extraRustflags((await configWith(FILE, { CARGO_ENCODED_RUSTFLAGS: '' })).config, LINUX)).toEqual(
      []
    )
  })

  it('joins the triple table and every matching cfg table, cfg tables in key order', async () => {
    const { config } = await configWith(FILE, { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS: '--cfg te' })
    expect(extraRustflags(config, LINUX)).toEqual(['--cfg', 't', '--cfg', 'te', '--cfg', 'a', '--cfg', 'u'])
  })

  it('falls through to build.rustflags when the target tables add nothing; a bad cfg matches nothing', async () => {
    const empty = await configWith(
      "[build]\nrustflags = ['--cfg', 'b']\n[target.x86_64-unknown-linux-gnu]\nrustflags = []\n[target.'cfg(foo bar)']\nrustflags = ['--cfg', 'bad']\n"
    )
    expect(extraRustflags(empty.config, LINUX)).toEqual(['--cfg', 'b'])
  })

  it('appends CARGO_BUILD_RUSTFLAGS to build.rustflags, string or array', async () => {
    const str = await configWith('[build]\nrustflags = "--cfg b  --cfg c"\n', {
      CARGO_BUILD_RUSTFLAGS: '--cfg e'
    })
    expect(extraRustflags(str.config, LINUX)).toEqual(['--cfg', 'b', '--cfg', 'c', '--cfg', 'e'])
    const home = await configWith(
      '[build]\nrustflags = ["--cfg", "proj"]\n',
      { CARGO_BUILD_RUSTFLAGS: '--cfg env' },
      '[build]\nrustflags = ["--cfg", "home"]\n'
    )
    expect(extraRustflags(home.config, LINUX)).toEqual(['--cfg', 'home', '--cfg', 'proj', '--cfg', 'env'])
  })

  it('gives host units nothing when the build names a target', async () => {
    const { config } = await configWith(FILE, { RUSTFLAGS: '--cfg r' })
    expect(extraRustflags(config, LINUX, { forHost: true, explicitTarget: true })).toEqual([])
    expect(extraRustflags(config, LINUX, { forHost: true })).toEqual(['--cfg', 'r'])
    expect(extraRustflags(config, LINUX, { explicitTarget: true })).toEqual(['--cfg', 'r'])
  })

  it('refuses a rustflags value that is neither a string nor strings', async () => {
    const { config } = await configWith('[build]\nrustflags = [1]\n')
    expect(errorOf(() => extraRustflags(config, LINUX)).message).toContain('`build.rustflags`')
  })
})

describe('rustdoc and its flags', () => {
  const FILE = `[build]
rustdoc = "tools/doc"
rustdocflags = ["--cfg", "b"]
rustflags = ["--cfg", "rustc-only"]
[target.x86_64-unknown-linux-gnu]
rustdocflags = "--cfg t"
[target.'cfg(unix)']
rustdocflags = ["--cfg", "ignored"]
`

  it('reads rustdoc flags as rustflags are read, without cfg tables, and never rustc’s own', async () => {
    expect(extraRustdocflags((await configWith(FILE)).config, LINUX)).toEqual(['--cfg', 't'])
    const env = await configWith(FILE, { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTDOCFLAGS: '--cfg te' })
    expect(extraRustdocflags(env.config, LINUX)).toEqual(['--cfg', 't', '--cfg', 'te'])
    const noTriple = await configWith(
      FILE.replace('[target.x86_64-unknown-linux-gnu]\nrustdocflags = "--cfg t"\n', ''),
      {
        CARGO_BUILD_RUSTDOCFLAGS: '--cfg e'
      }
    )
    expect(extraRustdocflags(noTriple.config, LINUX)).toEqual(['--cfg', 'b', '--cfg', 'e'])
    const plain = await configWith(FILE, { RUSTDOCFLAGS: '--cfg r', RUSTFLAGS: '--cfg no' })
    expect(extraRustdocflags(plain.config, LINUX)).toEqual(['--cfg', 'r'])
    const encoded = await configWith(FILE, {
      CARGO_ENCODED_RUSTDOCFLAGS: '--cfg\x1fe n',
      RUSTDOCFLAGS: '--cfg r'
    })
    expect(extraRustdocflags(encoded.config, LINUX)).toEqual(['--cfg', 'e n'])
    expect(extraRustdocflags(plain.config, LINUX, { forHost: true, explicitTarget: true })).toEqual([])
  })

  it('takes RUSTDOC over build.rustdoc, a path against the folder above .cargo', async () => {
    const { root, config } = await configWith(FILE)
    expect(rustdocProgram(config)).toBe(join(root, 'ws', 'tools', 'doc'))
    expect(rustdocProgram((await configWith(FILE, { RUSTDOC: 'my-rustdoc' })).config)).toBe('my-rustdoc')
    expect(rustdocProgram((await configWith(FILE, { RUSTDOC: '' })).config)).toBeUndefined()
    expect(rustdocProgram((await configWith('')).config)).toBeUndefined()
  })
})

describe('[env]', () => {
  it('reads plain, relative and forced entries; existing variables win unless forced', async () => {
    const { root, config } = await configWith(
      '[env]\nFOO = "foo"\nBAR = { value = "rel/dir", relative = true }\nABS = { value = "/abs", relative = true }\nBAZ = { value = "forced", force = true }\nQUX = "kept"\n'
    )
    const entries = configEnv(config)
    expect(entries).toEqual([
      { name: 'FOO', value: 'foo', force: false },
      { name: 'BAR', value: join(root, 'ws', 'rel', 'dir'), force: false },
      { name: 'ABS', value: '/abs', force: false },
      { name: 'BAZ', value: 'forced', force: true },
      { name: 'QUX', value: 'kept', force: false }
    ])
    expect(withConfigEnv({ BAZ: 'outer', QUX: 'outer' }, entries)).toMatchObject({
      FOO: 'foo',
      BAZ: 'forced',
      QUX: 'outer'
    })
  })

  it('lets CARGO_ENV_<NAME> replace an entry', async () => {
    const { config } = await configWith('[env]\nFOO = { value = "foo", force = true }\n', {
      CARGO_ENV_FOO: 'fromenv'
    })
    expect(configEnv(config)).toEqual([{ name: 'FOO', value: 'fromenv', force: false }])
  })

  it('refuses CARGO_HOME and values of the wrong kind, at their line', async () => {
    const home = await configWith('[env]\nA = "x"\nCARGO_HOME = "x"\n')
    expect(errorOf(() => configEnv(home.config))).toMatchObject({
      message:
        'setting the `CARGO_HOME` environment variable is not supported in the `[env]` configuration table',
      details: { line: 3 }
    })
    const int = await configWith('[env]\nA = 1\n')
    expect(errorOf(() => configEnv(int.config)).message).toContain(
      'invalid type: integer `1`, expected a string or map'
    )
    const noValue = await configWith('[env]\nA = { force = true }\n')
    expect(errorOf(() => configEnv(noValue.config)).message).toContain('needs a string `value`')
    const badForce = await configWith('[env]\nA = { value = "x", force = "yes" }\n')
    expect(errorOf(() => configEnv(badForce.config)).message).toContain('`env.A.force`')
  })
})
