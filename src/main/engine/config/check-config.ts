/**
 * The configuration mistakes cargo reports before it resolves anything, whatever the command,
 * so a bad `.cargo/config.toml` fails without writing a Cargo.lock: an unreadable `[source]`
 * table and a `build.target-dir` that is not a path. (`build.jobs` only matters to builds, which
 * check it with the rest of their request; `metadata` and `tree` do not mind it, as in cargo.)
 */
import type { CargoConfig } from './cargo-config'
import { targetDir } from './net-build-config'
import { readSourceConfigs } from './source-config'

export function checkConfig(config: CargoConfig): void {
  readSourceConfigs(config)
  targetDir(config)
}
