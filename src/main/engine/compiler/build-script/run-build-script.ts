/**
 * Runs a package's compiled build script with cargo's environment, from the package's folder,
 * and keeps what it printed where cargo keeps it (`output`, `stderr`, `root-output` beside
 * OUT_DIR), so the package's crates compile with its cfgs, variables and native libraries.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { findOnPath } from '../../tools/find-program'
import { runProcess } from '../../tools/run-process'
import { emitMessage, runningStatus } from '../events'
import type { JobResult } from '../job-queue'
import { displayPackage } from '../package-display'
import type { RunContext } from '../run-context'
import { unitLinker, unitRustflags } from '../rustc-args'
import type { Unit } from '../unit'
import type { BuildScriptOutput } from './build-output'
import { parseBuildScriptOutput } from './directives'
import { buildScriptEnv, type LinksDependency } from './script-env'

export const SCRIPT_EXECUTABLE =
  process.platform === 'win32' ? 'build-script-build.exe' : 'build-script-build'

export async function runBuildScript(unit: Unit, ctx: RunContext): Promise<JobResult> {
  const compiled = unit.deps.find((d) => d.unit.kind === 'custom-build')?.unit
  if (!compiled?.scriptDir || !unit.outDir || !unit.scriptDir)
    throw new Error(`unit ${unit.id} does not run a compiled build script`)
  const m = unit.node.pkg.manifest
  const p = m.package
  const exe = join(compiled.scriptDir, SCRIPT_EXECUTABLE)
  // Only a build naming its target tells host units apart from the target's.
  const hostCfg = unit.forHost && ctx.layout.host ? ctx.hostCfg : undefined
  const linker = unitLinker(unit, ctx)
  const descr = displayPackage({ name: p.name, version: p.version, source: unit.node.source })
  await mkdir(unit.outDir, { recursive: true })
  const env = buildScriptEnv({
    package: p,
    manifestDir: m.rootDir,
    manifestPath: m.path,
    outDir: unit.outDir,
    // A host unit's script (a proc-macro's dependency) is told it builds for the host.
    target: hostCfg ? ctx.rustc.host : (ctx.layout.triple ?? ctx.rustc.host),
    host: ctx.rustc.host,
    profile: {
      root: unit.profile.root,
      optLevel: unit.profile.optLevel,
      debuginfo: unit.profile.debuginfo > 0,
      debugAssertions: unit.profile.debugAssertions
    },
    jobs: ctx.jobs,
    cargo: ctx.baseEnv.CARGO ?? (await findOnPath('cargo', ctx.baseEnv)) ?? 'cargo',
    rustc: ctx.rustc.path,
    rustdoc: join(dirname(ctx.rustc.path), 'rustdoc'),
    ...(ctx.rustcWrapper ? { rustcWrapper: ctx.rustcWrapper } : {}),
    features: unit.features,
    cfg: hostCfg ?? ctx.rustc.cfg,
    rustflags: unitRustflags(unit, ctx),
    ...(linker !== undefined ? { linker } : {}),
    linksDependencies: linksDependencies(unit, ctx.scriptOutputs)
  })
  // No jobserver for scripts: ours is a FIFO (`fifo:` form), and scripts hand CARGO_MAKEFLAGS to
  // make, which before 4.4 stops with a fatal error on it. Scripts size their work by NUM_JOBS.
  const processEnv: Record<string, string | undefined> = { ...ctx.baseEnv, ...env.vars }
  for (const name of env.unset) if (!(name in env.vars)) delete processEnv[name]
  let stdout = ''
  let stderr = ''
  ctx.sink({ ...runningStatus(exe, []), unitId: unit.id })
  const outcome = await runProcess(exe, [], {
    cwd: m.rootDir,
    env: processEnv,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStdout: (text) => {
      stdout += text
      ctx.sink({ type: 'output', source: 'build-script', stream: 'stdout', text, unitId: unit.id })
    },
    onStderr: (text) => {
      stderr += text
      ctx.sink({ type: 'output', source: 'build-script', stream: 'stderr', text, unitId: unit.id })
    }
  })
  if (outcome.cancelled) return 'cancelled'
  await keepOutput(unit, stdout, stderr)
  if (outcome.exitCode !== 0) {
    const status = outcome.signal ? `signal: ${outcome.signal}` : `exit status: ${outcome.exitCode}`
    const shown = (label: string, text: string) =>
      text ? `\n  --- ${label}\n${text.replace(/\n$/, '').replace(/^/gm, '  ')}` : ''
    emitMessage(
      ctx.sink,
      'error',
      `failed to run custom build command for \`${descr}\`\n\nCaused by:\n  process didn't exit successfully: \`${exe}\` (${status})${shown('stdout', stdout)}${shown('stderr', stderr)}`,
      unit.id
    )
    return 'failed'
  }
  const output = parseBuildScriptOutput(stdout, {
    packageDescr: descr,
    ...(p.rustVersion ? { rustVersion: p.rustVersion } : {}),
    targets: unit.node.pkg.targets,
    ...(libraryName(unit) ? { libraryName: libraryName(unit)! } : {}),
    outDir: unit.outDir,
    file: join(unit.scriptDir, 'output')
  })
  let failed = false
  for (const log of output.logMessages) {
    if (log.severity === 'error') failed = true
    // A dependency's warnings are its authors' to fix; cargo shows those of local packages.
    if (log.severity === 'warning' && unit.node.source.kind !== 'path') continue
    emitMessage(ctx.sink, log.severity, `${p.name}@${p.version}: ${log.message}`, unit.id)
  }
  if (failed) {
    emitMessage(ctx.sink, 'error', `build script logged errors`, unit.id)
    return 'failed'
  }
  ctx.scriptOutputs.set(unit.id, output)
  ctx.sink({ type: 'build-script-executed', unit, output })
  return 'done'
}

function libraryName(unit: Unit): string | undefined {
  return unit.node.pkg.targets.find((t) => t.kind === 'lib')?.crateName
}

/** DEP_<LINKS>_<KEY>: what the scripts of direct dependencies with `links` printed as metadata. */
function linksDependencies(unit: Unit, outputs: ReadonlyMap<string, BuildScriptOutput>): LinksDependency[] {
  const out: LinksDependency[] = []
  for (const d of unit.deps) {
    const links = d.unit.node.pkg.manifest.package.links
    if (d.unit.mode !== 'run-build-script' || links === undefined) continue
    out.push({ links, metadata: outputs.get(d.unit.id)?.metadata ?? [] })
  }
  return out
}

/** cargo's files beside OUT_DIR: tools (and cargo itself, with -vv) read them to explain a build. */
async function keepOutput(unit: Unit, stdout: string, stderr: string): Promise<void> {
  const dir = unit.scriptDir!
  // Not trusted on their own: the unit's fingerprint, written last, is what says a run finished.
  await writeFile(join(dir, 'output'), stdout)
  await writeFile(join(dir, 'stderr'), stderr)
  await writeFile(join(dir, 'root-output'), unit.outDir!)
}
