/**
 * One unit through the queue: decide whether it is fresh; if so, reuse what it produced
 * (and a build script's saved output); if not, say why, run it, and record its fingerprint
 * once its outputs are complete.
 */
import { dirname, join } from 'node:path'
import { describeError } from '@shared/ipc/result'
import { toAppError } from '../errors'
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { finalExecutable, unitArtifacts, upliftedPath } from './artifacts'
import { runBuildCommand } from './build-command'
import { parseBuildScriptOutput } from './build-script/directives'
import { runBuildScript } from './build-script/run-build-script'
import { compileUnit } from './compile-unit'
import { emitMessage } from './events'
import { describeDirtyReason } from './fingerprint/dirty-reason'
import { observeCompile, observeScript } from './freshness/observe'
import {
  checkUnit,
  recordFresh,
  startDirty,
  type FreshnessState,
  type UnitCheck
} from './freshness/unit-freshness'
import type { JobResult, QueueResult } from './job-queue'
import { displayPackage } from './package-display'
import type { RunContext } from './run-context'
import { rustcInvocation, unitRustflags, type RustcInvocation } from './rustc-args'
import type { Unit } from './unit'
import { isLinked, uplift } from './uplift'

export interface UnitExecution {
  readonly ctx: RunContext
  readonly freshness: FreshnessState
  /** Milliseconds since the build started. */
  readonly at: () => number
  /**
   * Called as each unit that runs starts; says "Dirty …" (with -v) and "Compiling …" once per
   * package, for its first such unit, as cargo does.
   */
  readonly announce: (unit: Unit, reason: string | undefined) => void
  /** Called for each unit found fresh (the package is "Fresh" once all of its units are). */
  readonly fresh: (unit: Unit) => void
}

/** `slot`: waits for a job slot, after the freshness check and before any real work. */
export async function executeUnit(
  unit: Unit,
  x: UnitExecution,
  metadataReady: () => void,
  slot: () => Promise<boolean>
): Promise<QueueResult> {
  const { ctx } = x
  let check: UnitCheck
  // Built once: the fingerprint, rustc and the dep-info's relative paths all use it.
  let inv: RustcInvocation | undefined
  try {
    inv = unit.mode === 'compile' ? rustcInvocation(unit, ctx) : undefined
    check = await checkOf(unit, x, inv)
    if (!check.reason && (await reuse(unit, ctx))) {
      metadataReady()
      x.fresh(unit)
      ctx.sink({ type: 'unit-finished', unitId: unit.id, at: x.at(), outcome: 'fresh' })
      return 'done'
    }
  } catch (e) {
    return fail(unit, x, e)
  }
  if (!(await slot())) return 'not-started'
  const reason =
    check.reason && check.reason.type !== 'fresh-build'
      ? describeDirtyReason(check.reason, ctx.cwd)
      : undefined
  x.announce(unit, reason)
  ctx.sink({ type: 'unit-started', unitId: unit.id, at: x.at(), ...(reason ? { reason } : {}) })
  let result: JobResult
  try {
    const startedAtNs = await startDirty(unit, check, x.freshness)
    result = await run(unit, ctx, x, metadataReady, inv)
    if (result === 'done') await recordFresh(check, await observe(unit, ctx, startedAtNs, inv))
  } catch (e) {
    return fail(unit, x, e)
  }
  ctx.sink({ type: 'unit-finished', unitId: unit.id, at: x.at(), outcome: result })
  return result
}

async function checkOf(unit: Unit, x: UnitExecution, inv: RustcInvocation | undefined): Promise<UnitCheck> {
  const { ctx } = x
  const src = { rustcVersion: ctx.rustc.verbose, rustflags: unitRustflags(unit, ctx), layout: ctx.layout }
  if (inv) {
    const outputs = [
      ...inv.artifacts.files.map((f) => f.path),
      ...(inv.artifacts.rmeta ? [inv.artifacts.rmeta] : [])
    ]
    return checkUnit(unit, { ...src, args: inv.args }, x.freshness, (n) => inv.env[n], outputs)
  }
  const build = unit.node.pkg.manifest.package.build
  const command = unit.mode === 'build-command' && build.type === 'command' ? [build.command] : []
  const outputs = unit.mode === 'run-build-script' ? [join(unit.scriptDir!, 'output')] : []
  return checkUnit(unit, { ...src, args: command }, x.freshness, (n) => ctx.baseEnv[n], outputs)
}

function run(
  unit: Unit,
  ctx: RunContext,
  x: UnitExecution,
  metadataReady: () => void,
  inv: RustcInvocation | undefined
): Promise<JobResult> {
  if (unit.mode === 'build-command') return runBuildCommand(unit, ctx)
  if (unit.mode === 'run-build-script') return runBuildScript(unit, ctx)
  let announced = false
  return compileUnit(
    unit,
    ctx,
    () => {
      // rustc's artifact notice and the process exit both report it; the timeline wants the first.
      if (announced) return
      announced = true
      ctx.sink({ type: 'unit-metadata', unitId: unit.id, at: x.at() })
      metadataReady()
    },
    inv
  )
}

async function observe(unit: Unit, ctx: RunContext, startedAtNs: bigint, inv: RustcInvocation | undefined) {
  if (inv) return observeCompile(unit, ctx.layout, inv.cwd, startedAtNs)
  return observeScript(unit, ctx.scriptOutputs.get(unit.id), ctx.baseEnv, startedAtNs)
}

/**
 * A fresh unit's products, as dependents and users expect them: a build script's saved output
 * parsed again, a primary unit's uplifted copies put back if someone removed them, and the
 * artifact message cargo prints with `fresh: true`. False when the saved output is unusable.
 */
async function reuse(unit: Unit, ctx: RunContext): Promise<boolean> {
  if (unit.mode === 'run-build-script') {
    const p = unit.node.pkg.manifest.package
    let stdout: string
    try {
      // Synchronous: a few kilobytes, read on every no-op build; the thread pool costs more.
      stdout = readFileSync(join(unit.scriptDir!, 'output'), 'utf8')
    } catch {
      return false
    }
    const output = parseBuildScriptOutput(stdout, {
      packageDescr: displayPackage({ name: p.name, version: p.version, source: unit.node.source }),
      targets: unit.node.pkg.targets,
      outDir: unit.outDir!,
      file: join(unit.scriptDir!, 'output')
    })
    ctx.scriptOutputs.set(unit.id, output)
    ctx.sink({ type: 'build-script-executed', unit, output })
    return true
  }
  if (unit.mode !== 'compile') return true
  const filenames: string[] = []
  const artifacts = unitArtifacts(unit, ctx.layout)
  for (const file of artifacts.files) {
    const to = upliftedPath(unit, ctx.layout, file)
    if (to && !isLinked(file.path, to)) {
      await mkdir(dirname(to), { recursive: true })
      await uplift(file.path, to)
    }
    filenames.push(to ?? file.path)
  }
  if (artifacts.rmeta) filenames.push(artifacts.rmeta)
  ctx.sink({
    type: 'compiler-artifact',
    unit,
    filenames,
    executable: finalExecutable(unit, ctx.layout) ?? null,
    fresh: true
  })
  return true
}

function fail(unit: Unit, x: UnitExecution, e: unknown): JobResult {
  // A step that throws (a file system error, a program that will not start) still ends the
  // unit visibly, with the reason.
  emitMessage(x.ctx.sink, 'error', describeError(toAppError(e, `building ${unit.id}`)), unit.id)
  x.ctx.sink({ type: 'unit-finished', unitId: unit.id, at: x.at(), outcome: 'failed' })
  return 'failed'
}
