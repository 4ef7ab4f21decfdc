/**
 * Where cargo keeps its home (its config, caches and credentials): `CARGO_HOME` when it is set
 * and not empty, taken relative to the working directory as cargo's `home` crate does, else
 * `~/.cargo`. The environment and the home directory are passed in, never read from the process.
 */
import { join, resolve } from 'node:path'

/** The environment as the engine sees it: injected, so tests and services control it. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>

export function cargoHomeFrom(env: ConfigEnv, cwd: string, homeDir: string): string {
  const fromEnv = env.CARGO_HOME
  return fromEnv !== undefined && fromEnv !== '' ? resolve(cwd, fromEnv) : join(homeDir, '.cargo')
}
