/** The toolchain status the start page shows: which rustc builds will use, or why there is none. */
import type { ToolchainInfo } from '@shared/models/app'
import { isEngineError } from '../engine/errors'
import { inspectionRustc } from '../engine/tools/rustc'

export async function detectToolchain(env: NodeJS.ProcessEnv = process.env): Promise<ToolchainInfo> {
  try {
    // From the home folder: the folder the app was started in may hold a rust-toolchain file.
    const info = await inspectionRustc(env)
    return { rustc: { path: info.path, version: info.version, host: info.host } }
  } catch (e) {
    if (!isEngineError(e)) throw e
    return { problem: `${e.message} ${e.details.hint ?? ''}`.trim() }
  }
}
