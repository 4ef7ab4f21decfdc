/**
 * The programs in front of rustc, ours against cargo 1.95's `-v`: `RUSTC_WRAPPER` outermost, the
 * workspace wrapper (from `build.rustc-workspace-wrapper`, relative to the config's project) only
 * for workspace members.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rustcWrappers } from '../../../src/main/engine/config/build-config'
import { loadCargoConfig } from '../../../src/main/engine/config/load-cargo-config'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'
import { cargoRustcLines, isolatedEnv } from './cargo-verbose'

const PASS_THROUGH = '#!/bin/sh\nexec "$@"\n'

describe('rustc wrappers against cargo -v', () => {
  it('RUSTC_WRAPPER for every unit, the workspace wrapper for members only', async () => {
    const p = await project()
      .file(
        'app/Cargo.toml',
        '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nq = { path = "q" }\n'
      )
      .file('app/src/main.rs', 'fn main() {}\n')
      .file('app/q/Cargo.toml', '[package]\nname = "q"\nversion = "0.1.0"\nedition = "2021"\n')
      .file('app/q/src/lib.rs', '')
      .file('app/.cargo/config.toml', '[build]\nrustc-workspace-wrapper = "tools/inner.sh"\n')
      .executable('app/tools/inner.sh', PASS_THROUGH)
      .executable('outer.sh', PASS_THROUGH)
      .build()
    const cwd = p.path('app')
    const cargoHome = await tempDir('cs-cargo-home-')
    const env = isolatedEnv(cargoHome, { RUSTC_WRAPPER: '../outer.sh' })
    const lines = await cargoRustcLines(cwd, [], env)
    const config = await loadCargoConfig({ cwd, env, homeDir: env.HOME!, cargoHome })
    expect(lines.map((l) => l.crateName).sort()).toEqual(['app', 'q'])
    for (const line of lines) {
      // Everything before rustc itself; cargo prints the config path unnormalised (`app/tools/…`).
      const prefix = line.args.slice(0, line.args.indexOf('--crate-name') - 1).map((w) => resolve(cwd, w))
      expect(prefix, line.crateName).toEqual(rustcWrappers(config, line.crateName === 'app'))
    }
    expect(rustcWrappers(config, true)).toEqual([p.path('outer.sh'), p.path('app/tools/inner.sh')])
  })
})
