/**
 * The configuration mistakes cargo reports before it resolves anything, so a bad
 * `.cargo/config.toml` fails the command without writing a Cargo.lock: an unreadable `[source]`
 * table, `build.jobs` that is not a count, a `build.target-dir` that is not a path.
 */
import type { CargoConfig } from './cargo-config'
import { buildJobs } from './build-config'
import { targetDir } from './net-build-config'
import { readSourceConfigs } from './source-config'

export function checkConfig(config: CargoConfig): void {
  readSourceConfigs(config)
  buildJobs(config, 1)
  targetDir(config)
}
