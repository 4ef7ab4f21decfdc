/**
 * What the build benches share: one scratch folder for the whole bench process (removed when it
 * exits), a cargo home that points crates.io at Debian's crate directory offline, the same
 * environment and `-j` for ours and cargo's, and the run counts, which builds make expensive
 * enough to want from the environment.
 */
import { existsSync, rmSync } from 'node:fs'
import { cp, mkdir, mkdtemp, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A positive whole number from the environment, else `fallback`. */
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${raw}"`)
  return n
}

/** Timed no-op, touch and plan runs per side (`BENCH_BUILD_RUNS`, default 5). */
export const BUILD_RUNS = fromEnv('BENCH_BUILD_RUNS', 5)
/** Timed clean builds per side (`BENCH_CLEAN_RUNS`, default 3): each one compiles everything. */
export const CLEAN_RUNS = fromEnv('BENCH_CLEAN_RUNS', 3)
/** `-j` for ours and cargo's alike (`BENCH_BUILD_JOBS`, default: this machine's parallelism). */
export const JOBS = fromEnv('BENCH_BUILD_JOBS', availableParallelism())

export const DEBIAN_REGISTRY = '/usr/share/cargo/registry'

/**
 * The checkout's root. The benches run from a bundle under node_modules/.cache, so it is found
 * by looking upward for bench/run.mjs rather than from this file's own place.
 */
export function repoRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bench', 'run.mjs'))) return dir
    if (dirname(dir) === dir) throw new Error(`no bench/run.mjs above ${import.meta.dirname}`)
  }
}

let scratch: Promise<string> | undefined

/** The bench process's own temporary folder, made on first use and removed at exit. */
export function scratchDir(): Promise<string> {
  scratch ??= mkdtemp(join(tmpdir(), 'cs-bench-build-')).then(async (dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    return realpath(dir)
  })
  return scratch
}

let home: Promise<string> | undefined

/** A cargo home whose config replaces crates.io with Debian's directory source, offline. */
export function cargoHome(): Promise<string> {
  home ??= scratchDir().then(async (dir) => {
    const path = join(dir, 'cargo-home')
    await mkdir(path, { recursive: true })
    await writeFile(
      join(path, 'config.toml'),
      `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "${DEBIAN_REGISTRY}"\n[net]\noffline = true\n`
    )
    return path
  })
  return home
}

/**
 * The one environment both engines build in: the same cargo home, no colours, and a private
 * runtime folder of the bench's own for our build server's socket.
 */
export async function buildEnv(): Promise<NodeJS.ProcessEnv> {
  const dir = await scratchDir()
  await mkdir(join(dir, 'run'), { recursive: true, mode: 0o700 })
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? homedir(),
    RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(homedir(), '.rustup'),
    CARGO_HOME: await cargoHome(),
    CRATE_STUDIO_CACHE_DIR: join(dir, 'crate-studio-cache'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    CARGO_TERM_COLOR: 'never',
    NO_COLOR: '1'
  }
}

/** A copy of the package at `from` in the scratch folder, under `name`. */
export async function copyPackage(from: string, name: string): Promise<string> {
  const to = join(await scratchDir(), name)
  await cp(from, to, { recursive: true, filter: (src) => !src.endsWith('/target') })
  return to
}

let trashed = 0

/**
 * Moves `dir`/target aside for a clean build: a rename, so the timed run is the build and not
 * the deletion. `emptyTrash` deletes what was moved, untimed.
 */
export async function dropTarget(dir: string): Promise<void> {
  const trash = join(await scratchDir(), 'trash')
  await mkdir(trash, { recursive: true })
  await rename(join(dir, 'target'), join(trash, String(++trashed))).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e
  })
}

export async function emptyTrash(): Promise<void> {
  await rm(join(await scratchDir(), 'trash'), { recursive: true, force: true })
}
