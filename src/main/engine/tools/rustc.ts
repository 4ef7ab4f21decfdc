/**
 * Finding rustc and asking it about itself (`-vV`, `--print cfg`). Results are cached per
 * binary, keyed by its modification time, since every build needs them.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { loadExeca } from './lazy-modules'
import { EngineError } from '../errors'
import { findOnPath, isExecutable } from './find-program'
import { toolchainStamp } from './rustc-stamp'

export interface RustcInfo {
  readonly path: string
  /** `rustc 1.95.0 (59807616e 2026-04-14)` */
  readonly version: string
  /** The full `-vV` text: part of every unit's hash, so a toolchain change rebuilds everything. */
  readonly verbose: string
  readonly release: string
  readonly host: string
  /** `rustc --print sysroot`: the toolchain's folder (a rustup toolchain's, or where rustc is installed). */
  readonly sysroot: string
  /** `rustc --print cfg` for the host, as name → values (a name without value maps to []). */
  readonly cfg: ReadonlyMap<string, readonly string[]>
}

const INSTALL_HINT = 'Install Rust with rustup (https://rustup.rs), or set RUSTC to the path of rustc.'

/** Which rule found rustc: the RUSTC variable, PATH, or rustup's install folder ($CARGO_HOME/bin). */
export type RustcFoundBy = 'RUSTC' | 'PATH' | 'cargo-home'

export interface LocatedRustc {
  /** The program as found: often a rustup proxy, which picks the toolchain per folder. */
  readonly path: string
  readonly foundBy: RustcFoundBy
}

/** RUSTC, then PATH, then ~/.cargo/bin: where a user's rustc normally is. */
export async function findRustc(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await locateRustc(env)).path
}

/** As findRustc, saying which rule found it: the status bar and `doctor` show it. */
export async function locateRustc(env: NodeJS.ProcessEnv = process.env): Promise<LocatedRustc> {
  if (env.RUSTC) {
    const found = await findOnPath(env.RUSTC, env)
    if (found) return { path: found, foundBy: 'RUSTC' }
    throw new EngineError(
      'toolchain-missing',
      `RUSTC is set to \`${env.RUSTC}\`, which is not an executable.`,
      {
        hint: INSTALL_HINT
      }
    )
  }
  const onPath = await findOnPath('rustc', env)
  if (onPath) return { path: onPath, foundBy: 'PATH' }
  const cargoHome = env.CARGO_HOME ?? join(homedir(), '.cargo')
  const fromCargoHome = join(cargoHome, 'bin', process.platform === 'win32' ? 'rustc.exe' : 'rustc')
  if (await isExecutable(fromCargoHome)) return { path: fromCargoHome, foundBy: 'cargo-home' }
  throw new EngineError('toolchain-missing', 'rustc was not found on PATH or in ~/.cargo/bin.', {
    hint: INSTALL_HINT
  })
}

/**
 * rustc for looking at a project without running its code (opening it, `tree`, `metadata`):
 * asked from the user's home folder, so a rust-toolchain file in the project, which may name a
 * toolchain folder inside the project, cannot choose the program that runs. A build asks from
 * the project itself: building is the user's consent to run its code.
 */
export async function inspectionRustc(env: NodeJS.ProcessEnv = process.env): Promise<RustcInfo> {
  return rustcInfo(await findRustc(env), env, homedir())
}

const QUERY_TIMEOUT_MS = 120_000

interface CacheEntry {
  readonly stamp: string
  readonly info: Promise<RustcInfo>
}

/** Answers by program and folder, reused while the toolchain's stamp stays the same. */
const cache = new Map<string, CacheEntry>()

/**
 * Asks the rustc at `path` about itself, as it behaves in `cwd` (the package being built).
 * `persistTo` keeps answers in a file across processes (the CLI), as cargo's `.rustc_info.json`.
 */
export async function rustcInfo(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  persistTo?: string
): Promise<RustcInfo> {
  const key = JSON.stringify([path, cwd])
  const hit = cache.get(key)
  if (hit) {
    const known = await hit.info.catch(() => undefined)
    if (known && hit.stamp === (await toolchainStamp(path, known.path, cwd, env))) return known
  }
  const stored = persistTo ? await readStored(persistTo, key) : undefined
  if (stored && stored.stamp === (await toolchainStamp(path, stored.info.path, cwd, env))) {
    cache.set(key, { stamp: stored.stamp, info: Promise.resolve(stored.info) })
    return stored.info
  }
  const info = queryRustc(path, env, cwd)
  info.catch(() => cache.delete(key))
  const answered = await info
  const stamp = await toolchainStamp(path, answered.path, cwd, env)
  cache.set(key, { stamp, info })
  if (persistTo) await store(persistTo, key, { stamp, info: answered })
  return answered
}

interface StoredInfo {
  readonly stamp: string
  readonly info: RustcInfo
}

/** The file maps keys to answers; cfg is kept as pairs because JSON has no Map. */
async function readStored(file: string, key: string): Promise<StoredInfo | undefined> {
  try {
    const all = JSON.parse(await readFile(file, 'utf8')) as Record<
      string,
      { stamp: string; info: RustcInfo & { cfg: [string, string[]][] } }
    >
    const e = all[key]
    // An entry written before the sysroot was kept is asked again rather than trusted half.
    if (!e || typeof e.stamp !== 'string' || typeof e.info?.path !== 'string') return undefined
    if (typeof e.info.sysroot !== 'string') return undefined
    return { stamp: e.stamp, info: { ...e.info, cfg: new Map(e.info.cfg) } }
  } catch {
    return undefined
  }
}

async function store(file: string, key: string, entry: StoredInfo): Promise<void> {
  let all: Record<string, unknown> = {}
  try {
    all = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch {
    // No file yet, or a damaged one: start over.
  }
  all[key] = { stamp: entry.stamp, info: { ...entry.info, cfg: [...entry.info.cfg] } }
  try {
    await mkdir(dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify(all))
    await rename(temp, file)
  } catch {
    // A cache that cannot be written only costs the next process a question to rustc.
  }
}

const withFlags = new Map<string, Promise<RustcInfo['cfg']>>()

/**
 * The target's cfg as the build sees it: `rustc --print cfg` with the build's RUSTFLAGS, as cargo
 * asks (so `--cfg foo` or `-C target-feature=+crt-static` reach build scripts' CARGO_CFG_* and
 * `[target.'cfg(…)']` tables). Without flags, the plain answer.
 */
export async function withRustflagsCfg(
  info: RustcInfo,
  rustflags: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<RustcInfo> {
  if (rustflags.length === 0) return info
  const key = JSON.stringify([info.path, info.verbose, rustflags])
  let cfg = withFlags.get(key)
  if (!cfg) {
    cfg = (async () => {
      const { execa } = await loadExeca()
      const out = await execa(info.path, ['--print', 'cfg', ...rustflags], {
        env,
        cwd,
        reject: false,
        timeout: QUERY_TIMEOUT_MS
      })
      if (out.exitCode !== 0)
        throw new EngineError(
          'invalid-input',
          `rustc refused the build's RUSTFLAGS while reporting the target's cfg: ${String(out.stderr).trim().split('\n')[0]}`,
          { hint: 'Check RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS or build.rustflags in .cargo/config.toml.' }
        )
      return parseCfgList(String(out.stdout))
    })()
    cfg.catch(() => withFlags.delete(key))
    withFlags.set(key, cfg)
  }
  return { ...info, cfg: await cfg }
}

async function queryRustc(path: string, env: NodeJS.ProcessEnv, cwd: string): Promise<RustcInfo> {
  // A rustup proxy may install a toolchain on first use; the timeout keeps that from hanging forever.
  const options = { env, cwd, reject: false, timeout: QUERY_TIMEOUT_MS } as const
  const { execa } = await loadExeca()
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
  const sysroot = sysrootOut.exitCode === 0 ? String(sysrootOut.stdout).trim() : ''
  return {
    path: await realCompiler(path, sysroot),
    version: verbose.split('\n')[0] ?? '',
    verbose,
    release: field('release'),
    host: field('host'),
    sysroot,
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
