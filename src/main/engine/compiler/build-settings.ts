/**
 * The configuration a build takes from `.cargo/config.toml` and the environment, read once:
 * the extra rustc flags, the wrapper around rustc (sccache), the default `-j`, and the
 * environment with `[env]` applied, which rustc, build scripts and programs inherit.
 */
import { availableParallelism } from 'node:os'
import type { CargoConfig } from '../config/cargo-config'
import { buildJobs, configEnv, extraRustflags, rustcWrapper, withConfigEnv } from '../config/build-config'
import type { RustcInfo } from '../tools/rustc'

export interface BuildSettings {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly rustflags: readonly string[]
  readonly wrapper?: string
  readonly jobs?: number
}

export function buildSettings(
  config: CargoConfig,
  rustc: Pick<RustcInfo, 'host' | 'cfg'>,
  env: Readonly<Record<string, string | undefined>>
): BuildSettings {
  const wrapper = rustcWrapper(config)
  const jobs = buildJobs(config, availableParallelism())
  return {
    env: withConfigEnv(env, configEnv(config)),
    rustflags: extraRustflags(config, { triple: rustc.host, cfg: rustc.cfg }),
    ...(wrapper ? { wrapper } : {}),
    ...(jobs !== undefined ? { jobs } : {})
  }
}
