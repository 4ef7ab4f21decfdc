/** The toolchain status the start page and status bar show: which rustc builds use, or why there is none. */
import { dirname } from 'node:path'
import type { ToolchainInfo } from '@shared/models/app'
import { inspectToolchain } from '../engine/toolchain/inspect-toolchain'

/** With an opened project's manifest, also what its folder pins (read, never run). */
export function detectToolchain(
  env: NodeJS.ProcessEnv = process.env,
  manifestPath?: string
): Promise<ToolchainInfo> {
  return inspectToolchain(env, manifestPath ? dirname(manifestPath) : undefined)
}
