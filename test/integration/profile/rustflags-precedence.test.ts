/**
 * Which extra flags cargo 1.95 gives each rustc call (RUSTFLAGS and friends, `target.*` and
 * `build.rustflags`), ours against its `-v` output, for a package whose build script and
 * proc-macro run on the host.
 */
import { describe, expect, it } from 'vitest'
import { extraRustflags } from '../../../src/main/engine/config/build-config'
import { loadCargoConfig } from '../../../src/main/engine/config/load-cargo-config'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'
import { cargoRustcLines, isolatedEnv } from './cargo-verbose'

interface Scenario {
  readonly title: string
  readonly config: string
  readonly env?: Record<string, string>
  readonly explicitTarget?: boolean
}

const CONFIG = `[build]
rustflags = "--cfg b1 --cfg b2"
[target.'cfg(unix)']
rustflags = ["--cfg", "u"]
[target.'cfg(all())']
rustflags = ["--cfg", "a"]
[target.'cfg(windows)']
rustflags = ["--cfg", "w"]
[target.'cfg(foo bar)']
rustflags = ["--cfg", "bad"]
`

const SCENARIOS: readonly Scenario[] = [
  { title: 'cfg tables in key order, build.rustflags unused', config: CONFIG },
  {
    title: 'the triple table joins the cfg tables, its variable appended',
    config: `${CONFIG}[target.HOST]\nrustflags = ["--cfg", "t"]\n`,
    env: { CARGO_TARGET_HOSTENV_RUSTFLAGS: '--cfg te' }
  },
  { title: 'RUSTFLAGS wins over every file', config: CONFIG, env: { RUSTFLAGS: ' --cfg r1  --cfg r2 ' } },
  {
    title: 'CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS',
    config: CONFIG,
    env: { CARGO_ENCODED_RUSTFLAGS: '--cfg\x1fen', RUSTFLAGS: '--cfg r' }
  },
  {
    title: 'empty target tables fall through to build.rustflags and CARGO_BUILD_RUSTFLAGS',
    config: `[build]\nrustflags = "--cfg b1"\n[target.HOST]\nrustflags = []\n[target.'cfg(foo bar)']\nrustflags = ["--cfg", "bad"]\n`,
    env: { CARGO_BUILD_RUSTFLAGS: '--cfg be' }
  },
  {
    title: 'with --target, host units get no flags',
    config: CONFIG,
    env: { RUSTFLAGS: '--cfg r' },
    explicitTarget: true
  }
]

/** `--cfg` values other than features: the flags our configurations add. */
function cfgs(args: readonly string[]): string[] {
  return args.flatMap((a, i) => (a === '--cfg' && !args[i + 1]?.startsWith('feature=') ? [args[i + 1]!] : []))
}

describe('extra rustflags against cargo -v', () => {
  for (const s of SCENARIOS)
    it(s.title, async () => {
      const info = await rustcInfo(await findRustc())
      const hostEnvKey = `CARGO_TARGET_${info.host.toUpperCase().replaceAll('-', '_')}_RUSTFLAGS`
      const extraEnv = Object.fromEntries(
        Object.entries(s.env ?? {}).map(([k, v]) => [
          k === 'CARGO_TARGET_HOSTENV_RUSTFLAGS' ? hostEnvKey : k,
          v
        ])
      )
      const p = await project()
        .file(
          'Cargo.toml',
          '[package]\nname = "p"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nm = { path = "m" }\n'
        )
        .file('src/lib.rs', '')
        .file('src/main.rs', 'fn main() {}\n')
        .file('build.rs', 'fn main() {}\n')
        .file(
          'm/Cargo.toml',
          '[package]\nname = "m"\nversion = "0.1.0"\nedition = "2021"\n[lib]\nproc-macro = true\n'
        )
        .file('m/src/lib.rs', '')
        .file('.cargo/config.toml', s.config.replaceAll('HOST', info.host))
        .build()
      const cargoHome = await tempDir('cs-cargo-home-')
      const env = isolatedEnv(cargoHome, extraEnv)
      const lines = await cargoRustcLines(p.root, s.explicitTarget ? ['--target', info.host] : [], env)
      expect(lines.length).toBe(4)

      const config = await loadCargoConfig({ cwd: p.root, env, homeDir: env.HOME!, cargoHome })
      const platform = { triple: info.host, cfg: info.cfg }
      for (const line of lines) {
        const forHost = line.crateName === 'build_script_build' || line.crateType === 'proc-macro'
        const ours = extraRustflags(config, platform, { forHost, explicitTarget: s.explicitTarget ?? false })
        expect(cfgs(ours), `${line.crateName} ${line.crateType}`).toEqual(cfgs(line.args))
        expect(ours.length, 'only --cfg flags are configured').toBe(cfgs(ours).length * 2)
      }
    })
})
