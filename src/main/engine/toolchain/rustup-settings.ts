/**
 * The parts of rustup's `settings.toml` that say which toolchain a folder gets without running
 * rustup: the per-folder overrides (`rustup override set`) and the default host, which turns a
 * short channel (`1.85`) into the installed name (`1.85-x86_64-unknown-linux-gnu`).
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'smol-toml'

export interface RustupSettings {
  readonly defaultHost?: string
  readonly defaultToolchain?: string
  /** Folder (real path) → toolchain name. */
  readonly overrides: ReadonlyMap<string, string>
}

/** `$RUSTUP_HOME`, else `~/.rustup`, as rustup finds its home. */
export function rustupHome(env: NodeJS.ProcessEnv): string {
  return env.RUSTUP_HOME || join(homedir(), '.rustup')
}

/** Missing or unreadable settings are no settings: rustup may not be installed at all. */
export async function readRustupSettings(env: NodeJS.ProcessEnv): Promise<RustupSettings> {
  let doc: Record<string, unknown>
  try {
    doc = parse(await readFile(join(rustupHome(env), 'settings.toml'), 'utf8'))
  } catch {
    return { overrides: new Map() }
  }
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)
  const overrides = new Map<string, string>()
  const table = doc.overrides
  if (table && typeof table === 'object' && !Array.isArray(table))
    for (const [dir, name] of Object.entries(table)) if (typeof name === 'string') overrides.set(dir, name)
  const defaultHost = text(doc.default_host_triple)
  const defaultToolchain = text(doc.default_toolchain)
  return {
    overrides,
    ...(defaultHost ? { defaultHost } : {}),
    ...(defaultToolchain ? { defaultToolchain } : {})
  }
}
