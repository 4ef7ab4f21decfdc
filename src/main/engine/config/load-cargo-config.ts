/**
 * Loading cargo's configuration for a directory: the files cargo would read (see
 * `discover-config.ts`), merged, with the environment applied on access. Everything outside the
 * engine's control is an input: the environment, the home directory, and optionally CARGO_HOME.
 */
import type { ManifestWarning } from '@shared/models/package'
import { CargoConfig } from './cargo-config'
import { cargoHomeFrom, type ConfigEnv } from './cargo-home'
import { loadConfigFiles } from './discover-config'

export interface LoadConfigOptions {
  /** Where cargo would run: the search for `.cargo/config.toml` starts here (the project directory). */
  readonly cwd: string
  readonly env: ConfigEnv
  /** The user's home directory, for `~/.cargo` when CARGO_HOME is not set. */
  readonly homeDir: string
  /** Overrides CARGO_HOME from `env`. */
  readonly cargoHome?: string
}

export async function loadCargoConfig(options: LoadConfigOptions): Promise<CargoConfig> {
  const cargoHome = options.cargoHome ?? cargoHomeFrom(options.env, options.cwd, options.homeDir)
  const warnings: ManifestWarning[] = []
  const { files, table } = await loadConfigFiles(options.cwd, cargoHome, warnings)
  return new CargoConfig(table, options.env, options.cwd, cargoHome, files, warnings)
}
