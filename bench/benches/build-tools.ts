/**
 * The three ways the build benches build a package, all at the same `-j` in the same
 * environment: our engine called in this process (the resident app's case), our CLI as a fresh
 * process, and cargo. Each throws when the build fails, so a bench never times a failure.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { runBuild, type BuildResult } from '../../src/main/engine/compiler/build-runner'
import type { EngineEvent } from '../../src/main/engine/compiler/events'
import { buildEnv, JOBS, repoRoot } from './build-setup'

/** What an in-process build reported, for the timeline notes. */
export interface EngineRun {
  readonly result: BuildResult
  readonly events: readonly EngineEvent[]
}

/**
 * `runBuild` on the package in `dir` (lib and bins, dev profile, offline). `onEvent` sees each
 * event as it comes; a build cancelled through `signal` is not a failure.
 */
export async function engineBuild(
  dir: string,
  onEvent?: (e: EngineEvent) => void,
  signal?: AbortSignal
): Promise<EngineRun> {
  const env = await buildEnv()
  const events: EngineEvent[] = []
  const result = await runBuild(
    {
      manifestPath: join(dir, 'Cargo.toml'),
      profile: 'dev',
      jobs: JOBS,
      selection: { lib: true, bins: 'all' },
      env,
      cwd: dir,
      homeDir: env.HOME!,
      cacheDir: env.CRATE_STUDIO_CACHE_DIR!,
      offline: true,
      colourDiagnostics: false
    },
    {
      sink: (e) => {
        events.push(e)
        onEvent?.(e)
      },
      ...(signal ? { signal } : {})
    }
  )
  if (!result.success && !signal?.aborted) throw new Error(`our build failed:\n${failureText(events)}`)
  return { result, events }
}

/**
 * When the bundle bin/crate-studio runs was built: the CLI benches time that, not the sources
 * (`npm run build` refreshes it).
 */
export function cliBuiltAt(): string {
  const cli = join(repoRoot(), 'out', 'main', 'cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`)
  return statSync(cli).mtime.toISOString().replace('T', ' ').slice(0, 16)
}

/**
 * `bin/crate-studio build -j N` in `dir`, as a fresh Node process: handed to the build server
 * (which the first such build starts), or built in that process with `server: false`.
 */
export async function cliBuild(dir: string, server = true): Promise<void> {
  const r = await execa(join(repoRoot(), 'bin', 'crate-studio'), ['build', '-j', String(JOBS)], {
    cwd: dir,
    env: { ...(await buildEnv()), ...(server ? {} : { CRATE_STUDIO_DAEMON: '0' }) },
    extendEnv: false,
    reject: false
  })
  if (r.exitCode !== 0) throw new Error(`crate-studio build failed (${r.exitCode}):\n${r.stderr}`)
}

/** Stops the build server the CLI benches started, so the next bench starts its own. */
export async function stopServer(): Promise<void> {
  await execa(join(repoRoot(), 'bin', 'crate-studio'), ['daemon', 'stop'], {
    env: await buildEnv(),
    extendEnv: false,
    reject: false
  })
}

/** `cargo build -j N` in `dir`, plus `extra` arguments and variables; its stdout is dropped. */
export function cargoBuild(
  dir: string,
  extra: readonly string[] = [],
  extraEnv: Readonly<Record<string, string>> = {}
): Promise<void> {
  return cargo(dir, ['build', '-j', String(JOBS), ...extra], extraEnv)
}

/** cargo with `args` in `dir`, in the benches' environment; its stdout is dropped. */
export async function cargo(
  dir: string,
  args: readonly string[],
  extraEnv: Readonly<Record<string, string>> = {}
): Promise<void> {
  const r = await execa('cargo', [...args], {
    cwd: dir,
    env: { ...(await buildEnv()), ...extraEnv },
    extendEnv: false,
    stdout: 'ignore',
    reject: false
  })
  if (r.exitCode !== 0) throw new Error(`cargo ${args.join(' ')} failed (${r.exitCode}):\n${r.stderr}`)
}

/** The lines a person would need to see why our build failed. */
function failureText(events: readonly EngineEvent[]): string {
  return events
    .map((e) =>
      e.type === 'message'
        ? `${e.level}: ${e.text}`
        : e.type === 'diagnostic'
          ? (e.diagnostic.rendered ?? e.diagnostic.message)
          : ''
    )
    .filter((l) => l !== '')
    .join('\n')
}
