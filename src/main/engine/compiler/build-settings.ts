/**
 * The configuration a build takes from `.cargo/config.toml` and the environment, read once:
 * the extra rustc flags, the wrapper around rustc (sccache), the default `-j`, and the
 * environment with `[env]` applied, which rustc, build scripts and programs inherit, and the
 * configured linker and runner.
 */
import { availableParallelism } from 'node:os'
import type { CargoConfig } from '../config/cargo-config'
import {
  buildJobs,
  configEnv,
  extraRustdocflags,
  extraRustflags,
  rustcWrapper,
  rustdocProgram,
  withConfigEnv,
  type TargetPlatform
} from '../config/build-config'
import { targetTools, type TargetTools } from '../config/target-tools'
import type { RustcInfo } from '../tools/rustc'

export interface BuildSettings {
  readonly env: Readonly<Record<string, string | undefined>>
  /** The flags of units built for the target (host units of a build naming a target get none). */
  readonly rustflags: readonly string[]
  /** The target the build names (`--target`, `build.target`), even the host's; none: the host, unnamed. */
  readonly target?: TargetPlatform
  readonly wrapper?: string
  /** `RUSTDOC` or `build.rustdoc`; none: the toolchain's own. */
  readonly rustdoc?: string
  readonly jobs?: number
  /** `linker` and `runner` for units built for the target. */
  readonly tools: TargetTools
  /**
   * The same for host units (build scripts, proc-macros): stable cargo reads them from the host
   * triple's tables whether or not the build names a target.
   */
  readonly hostTools: TargetTools
}

export function buildSettings(
  config: CargoConfig,
  rustc: Pick<RustcInfo, 'host' | 'cfg'>,
  env: Readonly<Record<string, string | undefined>>,
  target?: TargetPlatform
): BuildSettings {
  const wrapper = rustcWrapper(config)
  const rustdoc = rustdocProgram(config)
  const jobs = buildJobs(config, availableParallelism())
  const host = { triple: rustc.host, cfg: rustc.cfg }
  const tools = {
    ...targetTools(config, target ?? host),
    rustdocflags: extraRustdocflags(config, target ?? host)
  }
  // With a named target, host units' doc tests (proc-macros) get no flags, as their rustc calls get none.
  const hostRustdocflags = extraRustdocflags(config, host, {
    forHost: true,
    explicitTarget: target !== undefined
  })
  return {
    env: withConfigEnv(env, configEnv(config)),
    rustflags: extraRustflags(config, target ?? { triple: rustc.host, cfg: rustc.cfg }),
    ...(target ? { target } : {}),
    ...(wrapper ? { wrapper } : {}),
    ...(rustdoc !== undefined ? { rustdoc } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    tools,
    hostTools: {
      ...(target === undefined || target.triple === host.triple ? tools : targetTools(config, host)),
      rustdocflags: hostRustdocflags
    }
  }
}
