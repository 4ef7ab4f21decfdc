/**
 * The Rust release a project pins, read from its toolchain file without running anything:
 * `RUSTUP_TOOLCHAIN`, else the nearest `rust-toolchain.toml` (`[toolchain] channel`) or legacy
 * `rust-toolchain` from the project folder up. Only a numbered channel (`1.85`, `1.85.0`) gives
 * a release; `stable`, `nightly` or a `path` toolchain give none, and the caller asks rustc.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'smol-toml'

const NUMBERED = /^(\d+)\.(\d+)(?:\.(\d+))?$/

function release(channel: unknown): string | undefined {
  if (typeof channel !== 'string') return undefined
  const m = NUMBERED.exec(channel.trim())
  return m ? `${m[1]}.${m[2]}.${m[3] ?? '0'}` : undefined
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The channel a toolchain file names, or undefined when it names none (or cannot be read). */
function channelIn(dir: string): string | null | undefined {
  for (const name of ['rust-toolchain.toml', 'rust-toolchain']) {
    const text = readText(join(dir, name))
    if (text === undefined) continue
    try {
      const doc = parse(text) as { toolchain?: { channel?: unknown } }
      return typeof doc.toolchain?.channel === 'string' ? doc.toolchain.channel : null
    } catch {
      // The legacy file may be a bare channel name.
      return name === 'rust-toolchain' ? text.trim() : null
    }
  }
  return undefined
}

export function pinnedRelease(
  projectDir: string,
  env: Readonly<Record<string, string | undefined>>
): string | undefined {
  if (env.RUSTUP_TOOLCHAIN) return release(env.RUSTUP_TOOLCHAIN)
  for (let dir = projectDir; ; dir = dirname(dir)) {
    const channel = channelIn(dir)
    if (channel !== undefined) return release(channel)
    if (dirname(dir) === dir) return undefined
  }
}
