/**
 * The toolchain rustup would pick for a folder from the folder itself: walking up from it, at
 * each level first a `rustup override set` for that folder, then `rust-toolchain` or
 * `rust-toolchain.toml` (the legacy name wins when both exist, as in rustup). Only files are
 * read; nothing they name is run. RUSTUP_TOOLCHAIN, which beats all of these, is the caller's.
 */
import { readFile, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join } from 'node:path'
import { parseToolchainFile, type ToolchainFileSpec } from './parse-toolchain-file'

export interface PinnedToolchain extends ToolchainFileSpec {
  /** The toolchain file, or for a `rustup override` the folder it was set for. */
  readonly file: string
  readonly source: 'toolchain-file' | 'rustup-override'
  /** The `rust-toolchain.toml` beside a legacy `rust-toolchain`, which rustup ignores (and warns). */
  readonly ignored?: string
}

/** rustup treats a file it cannot read as absent. */
async function readOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return undefined
  }
}

async function pinIn(
  dir: string,
  overrides: ReadonlyMap<string, string>
): Promise<PinnedToolchain | undefined> {
  const override = overrides.get(dir)
  if (override !== undefined) {
    const spec = isAbsolute(override) ? { path: override } : { channel: override }
    return { ...spec, components: [], targets: [], file: dir, source: 'rustup-override' }
  }
  const legacy = join(dir, 'rust-toolchain')
  const toml = join(dir, 'rust-toolchain.toml')
  const [legacyText, tomlText] = await Promise.all([readOrUndefined(legacy), readOrUndefined(toml)])
  if (legacyText !== undefined) {
    const pin = { ...parseToolchainFile(legacyText, legacy), file: legacy, source: 'toolchain-file' } as const
    return tomlText !== undefined ? { ...pin, ignored: toml } : pin
  }
  if (tomlText !== undefined)
    return { ...parseToolchainFile(tomlText, toml), file: toml, source: 'toolchain-file' }
  return undefined
}

/**
 * The nearest pin from `dir` up, or undefined when rustup would use its default. `overrides`
 * maps folders (real paths, as rustup stores them) to `rustup override` toolchains. A malformed
 * file is an EngineError: rustup stops there too, it does not look further up.
 */
export async function findPinnedToolchain(
  dir: string,
  overrides: ReadonlyMap<string, string> = new Map()
): Promise<PinnedToolchain | undefined> {
  let at = await realpath(dir).catch(() => dir)
  for (;;) {
    const pin = await pinIn(at, overrides)
    if (pin) return pin
    if (dirname(at) === at) return undefined
    at = dirname(at)
  }
}
