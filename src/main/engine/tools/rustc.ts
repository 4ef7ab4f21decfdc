/**
 * Finding rustc and asking it about itself (`-vV`, `--print cfg`). Results are cached per
 * binary, keyed by its modification time, since every build needs them.
 */
import { stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { EngineError } from '../errors'
import { findOnPath, isExecutable } from './find-program'

export interface RustcInfo {
  readonly path: string
  /** `rustc 1.95.0 (59807616e 2026-04-14)` */
  readonly version: string
  /** The full `-vV` text: part of every unit's hash, so a toolchain change rebuilds everything. */
  readonly verbose: string
  readonly release: string
  readonly host: string
  /** `rustc --print cfg` for the host, as name → values (a name without value maps to []). */
  readonly cfg: ReadonlyMap<string, readonly string[]>
}

const INSTALL_HINT = 'Install Rust with rustup (https://rustup.rs), or set RUSTC to the path of rustc.'

/** RUSTC, then PATH, then ~/.cargo/bin: where a user's rustc normally is. */
export async function findRustc(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.RUSTC) {
    const found = await findOnPath(env.RUSTC, env)
    if (found) return found
    throw new EngineError(
      'toolchain-missing',
      `RUSTC is set to \`${env.RUSTC}\`, which is not an executable.`,
      {
        hint: INSTALL_HINT
      }
    )
  }
  const onPath = await findOnPath('rustc', env)
  if (onPath) return onPath
  const cargoHome = env.CARGO_HOME ?? join(homedir(), '.cargo')
  const fromCargoHome = join(cargoHome, 'bin', process.platform === 'win32' ? 'rustc.exe' : 'rustc')
  if (await isExecutable(fromCargoHome)) return fromCargoHome
  throw new EngineError('toolchain-missing', 'rustc was not found on PATH or in ~/.cargo/bin.', {
    hint: INSTALL_HINT
  })
}

const cache = new Map<string, { mtime: number; info: Promise<RustcInfo> }>()

export async function rustcInfo(path: string, env: NodeJS.ProcessEnv = process.env): Promise<RustcInfo> {
  const mtime = (await stat(path)).mtimeMs
  const hit = cache.get(path)
  if (hit && hit.mtime === mtime) return hit.info
  const info = queryRustc(path, env)
  cache.set(path, { mtime, info })
  info.catch(() => cache.delete(path))
  return info
}

async function queryRustc(path: string, env: NodeJS.ProcessEnv): Promise<RustcInfo> {
  const [vv, cfgOut] = await Promise.all([
    execa(path, ['-vV'], { env, reject: false }),
    execa(path, ['--print', 'cfg'], { env, reject: false })
  ])
  if (vv.exitCode !== 0 || cfgOut.exitCode !== 0) {
    // rustup may append a backtrace; the first paragraph is the message.
    const why = String(vv.stderr || cfgOut.stderr)
      .trim()
      .split(/\n\s*\n/)[0]
    throw new EngineError('toolchain-missing', `\`${path} -vV\` failed: ${why}`, {
      hint: 'If this is a rustup proxy, run `rustup default stable`.'
    })
  }
  const verbose = String(vv.stdout)
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(verbose)?.[1]?.trim() ?? ''
  return {
    path,
    version: verbose.split('\n')[0] ?? '',
    verbose,
    release: field('release'),
    host: field('host'),
    cfg: parseCfgList(String(cfgOut.stdout))
  }
}

/** `target_os="linux"` / `unix` lines → map of name to values. */
export function parseCfgList(text: string): Map<string, string[]> {
  const cfg = new Map<string, string[]>()
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:="(.*)")?$/.exec(line.trim())
    if (!m) continue
    const values = cfg.get(m[1]!) ?? []
    if (m[2] !== undefined) values.push(m[2])
    cfg.set(m[1]!, values)
  }
  return cfg
}
