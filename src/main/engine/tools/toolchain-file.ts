/**
 * The Rust release a project pins, read from its toolchain file without running anything:
 * `RUSTUP_TOOLCHAIN`, else the toolchain rustup would pick from the project folder up
 * (`findPinnedToolchain`, the reader the status bar and `doctor` use). Only a numbered channel
 * (`1.85`, `1.85.0`) gives a release; `stable`, `nightly`, a `path` toolchain or a file rustup
 * would refuse give none, and the caller asks rustc.
 */
import { findPinnedToolchain } from '../toolchain/find-pinned-toolchain'

const NUMBERED = /^(\d+)\.(\d+)(?:\.(\d+))?$/

function release(channel: string | undefined): string | undefined {
  const m = channel === undefined ? null : NUMBERED.exec(channel.trim())
  return m ? `${m[1]}.${m[2]}.${m[3] ?? '0'}` : undefined
}

export async function pinnedRelease(
  projectDir: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string | undefined> {
  if (env.RUSTUP_TOOLCHAIN) return release(env.RUSTUP_TOOLCHAIN)
  const pin = await findPinnedToolchain(projectDir).catch(() => undefined)
  return release(pin?.channel)
}
