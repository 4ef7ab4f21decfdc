/**
 * rustup, when the person has it: where it is and which toolchains it has installed. Asked with
 * `rustup toolchain list` (no shell, a timeout, from the home folder, never installing anything),
 * because rustup's own answer stays right across its versions and layouts.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { findOnPath, isExecutable } from '../tools/find-program'
import { loadExeca } from '../tools/lazy-modules'

export interface RustupToolchain {
  /** The full name, e.g. `stable-x86_64-unknown-linux-gnu` or a linked custom name. */
  readonly name: string
  readonly isDefault: boolean
  /** Active where rustup was asked (the home folder here): `(active)`, or `(override)` before 1.28. */
  readonly isActive: boolean
}

export interface RustupListing {
  readonly path: string
  readonly toolchains: readonly RustupToolchain[]
  readonly problem?: string
}

const LIST_TIMEOUT_MS = 30_000

/** rustup on PATH, else in `$CARGO_HOME/bin` where its installer puts it. */
export async function findRustup(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const onPath = await findOnPath('rustup', env)
  if (onPath) return onPath
  const inCargoHome = join(
    env.CARGO_HOME || join(homedir(), '.cargo'),
    'bin',
    process.platform === 'win32' ? 'rustup.exe' : 'rustup'
  )
  return (await isExecutable(inCargoHome)) ? inCargoHome : undefined
}

/**
 * `rustup toolchain list` output → toolchains. Each line is a name, then markers in parentheses:
 * `(active, default)` since rustup 1.28, `(default)` and `(override)` before; `-v` adds a path.
 */
export function parseToolchainList(text: string): RustupToolchain[] {
  const toolchains: RustupToolchain[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || /no installed toolchains/.test(line)) continue
    const m = /^(\S+)((?:\s+\([^)]*\))*)/.exec(line)
    if (!m) continue
    const markers = [...(m[2] ?? '').matchAll(/\(([^)]*)\)/g)].flatMap((g) =>
      (g[1] ?? '').split(',').map((s) => s.trim())
    )
    toolchains.push({
      name: m[1]!,
      isDefault: markers.includes('default'),
      isActive: markers.includes('active') || markers.includes('override')
    })
  }
  return toolchains
}

/** The installed toolchains. A failing rustup is reported, not thrown: rustc may still work. */
export async function listRustupToolchains(rustup: string, env: NodeJS.ProcessEnv): Promise<RustupListing> {
  const { execa } = await loadExeca()
  const r = await execa(rustup, ['toolchain', 'list'], {
    // From the home folder, so no project's toolchain file is read; and never install on the way.
    cwd: homedir(),
    env: { ...env, RUSTUP_AUTO_INSTALL: '0' },
    reject: false,
    timeout: LIST_TIMEOUT_MS
  })
  if (r.exitCode !== 0) {
    const why = r.timedOut
      ? `it did not answer within ${LIST_TIMEOUT_MS / 1000} s`
      : (String(r.stderr).trim().split('\n')[0] ?? '') || `it exited with status ${String(r.exitCode)}`
    return { path: rustup, toolchains: [], problem: `\`rustup toolchain list\` failed: ${why}` }
  }
  return { path: rustup, toolchains: parseToolchainList(String(r.stdout)) }
}

/**
 * The installed toolchain a channel names: its exact name, or the name with the host appended as
 * rustup resolves `1.85` to `1.85-<host>`. Without a known host, any installed `<channel>-<triple>`
 * counts (a dated `nightly-2026-01-01-…` is not plain `nightly`).
 */
export function installedToolchain(
  channel: string,
  toolchains: readonly RustupToolchain[],
  host: string | undefined
): RustupToolchain | undefined {
  return toolchains.find((t) => {
    if (t.name === channel) return true
    if (host) return t.name === `${channel}-${host}`
    return t.name.startsWith(`${channel}-`) && !/^\d/.test(t.name.slice(channel.length + 1))
  })
}
