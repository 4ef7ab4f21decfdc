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

/**
 * Answers are reused briefly. rustup picks the toolchain per directory (rust-toolchain.toml) and
 * per RUSTUP_TOOLCHAIN, and `rustup default` changes it without touching the proxy binary, so the
 * key holds all three and entries expire rather than living as long as the app.
 */
const CACHE_MS = 5000
const QUERY_TIMEOUT_MS = 120_000
const cache = new Map<string, { mtime: number; at: number; info: Promise<RustcInfo> }>()

/** Asks the rustc at `path` about itself, as it behaves in `cwd` (the package being built). */
export async function rustcInfo(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd()
): Promise<RustcInfo> {
  const mtime = (await stat(path)).mtimeMs
  const key = JSON.stringify([path, cwd, env.RUSTUP_TOOLCHAIN ?? ''])
  const hit = cache.get(key)
  const now = Date.now()
  if (hit && hit.mtime === mtime && now - hit.at < CACHE_MS) return hit.info
  const info = queryRustc(path, env, cwd)
  cache.set(key, { mtime, at: now, info })
  info.catch(() => cache.delete(key))
  return info
}

async function queryRustc(path: string, env: NodeJS.ProcessEnv, cwd: string): Promise<RustcInfo> {
  // A rustup proxy may install a toolchain on first use; the timeout keeps that from hanging forever.
  const options = { env, cwd, reject: false, timeout: QUERY_TIMEOUT_MS } as const
  const [vv, cfgOut, sysrootOut] = await Promise.all([
    execa(path, ['-vV'], options),
    execa(path, ['--print', 'cfg'], options),
    execa(path, ['--print', 'sysroot'], options)
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
    path: await realCompiler(path, String(sysrootOut.stdout).trim()),
    version: verbose.split('\n')[0] ?? '',
    verbose,
    release: field('release'),
    host: field('host'),
    cfg: parseCfgList(String(cfgOut.stdout))
  }
}

/**
 * The toolchain's own rustc behind a rustup proxy, chosen once for the project. Run through the
 * proxy, rustc would choose again in every dependency's folder, and a dependency's
 * `rust-toolchain.toml` could switch (or try to download) another toolchain mid-build.
 */
async function realCompiler(path: string, sysroot: string): Promise<string> {
  if (!sysroot) return path
  const inSysroot = join(sysroot, 'bin', process.platform === 'win32' ? 'rustc.exe' : 'rustc')
  return (await isExecutable(inSysroot)) ? inSysroot : path
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
