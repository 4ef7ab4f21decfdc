/** Runs rustc for one unit, turning its JSON stream into events. */
import { mkdir } from 'node:fs/promises'
import { runProcess } from '../tools/run-process'
import { dirname, join } from 'node:path'
import { finalExecutable, outputDir, upliftedPath } from './artifacts'
import { SCRIPT_EXECUTABLE } from './build-script/run-build-script'
import { emitMessage, runningStatus } from './events'
import type { JobResult } from './job-queue'
import type { RunContext } from './run-context'
import { rustcInvocation, type RustcInvocation } from './rustc-args'
import { isSummary, parseRustcLine, toDiagnostic } from './rustc-messages'
import { describeUnit, type Unit } from './unit'
import { uplift } from './uplift'

/** `inv`: the command line the freshness check already built for this unit. */
export async function compileUnit(
  unit: Unit,
  ctx: RunContext,
  metadataReady: () => void,
  inv: RustcInvocation = rustcInvocation(unit, ctx)
): Promise<JobResult> {
  const target = unit.target!
  const pkgName = unit.node.pkg.manifest.package.name
  let warnings = 0
  let errors = 0
  await mkdir(outputDir(unit, ctx.layout), { recursive: true })
  if (inv.env.CARGO_TARGET_TMPDIR) await mkdir(inv.env.CARGO_TARGET_TMPDIR, { recursive: true })
  // A wrapper (sccache) is given rustc's path first, as cargo gives it.
  const [program, args] = ctx.rustcWrapper
    ? [ctx.rustcWrapper, [ctx.rustc.path, ...inv.args]]
    : [ctx.rustc.path, inv.args]
  ctx.sink({ ...runningStatus(program, args), unitId: unit.id })
  const outcome = await runProcess(program, args, {
    cwd: inv.cwd,
    env: { ...inv.env, ...(await ctx.jobserverEnv()) },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStdout: (text) =>
      ctx.sink({ type: 'output', source: 'rustc', stream: 'stdout', text, unitId: unit.id }),
    onStderrLine: (line) => {
      const parsed = parseRustcLine(line)
      switch (parsed.type) {
        case 'artifact':
          if (parsed.emit === 'metadata') metadataReady()
          return
        case 'text':
          ctx.sink({ type: 'output', source: 'rustc', stream: 'stderr', text: `${line}\n`, unitId: unit.id })
          return
        case 'diagnostic': {
          const d = parsed.raw
          if (isSummary(d)) return
          if (d.level === 'warning') warnings++
          if (d.level === 'error' || d.level === 'error: internal compiler error') errors++
          ctx.sink({ type: 'compiler-message', unit, message: d })
          ctx.sink({
            type: 'diagnostic',
            diagnostic: toDiagnostic(d, ctx.nextDiagnosticId(), inv.cwd, pkgName, target.name, unit.id)
          })
        }
      }
    }
  })
  if (outcome.cancelled) return 'cancelled'
  const what = describeUnit(unit)
  if (outcome.exitCode !== 0) {
    const counts =
      errors > 0 ? ` due to ${errors === 1 ? '1 previous error' : `${errors} previous errors`}` : ''
    const extra = warnings > 0 ? `; ${plural(warnings, 'warning')} emitted` : ''
    const killed = outcome.signal ? ` (rustc was killed by ${outcome.signal})` : ''
    emitMessage(ctx.sink, 'error', `could not compile ${what}${counts}${extra}${killed}`, unit.id)
    return 'failed'
  }
  if (warnings > 0)
    emitMessage(ctx.sink, 'warning', `${what} generated ${plural(warnings, 'warning')}`, unit.id)
  metadataReady()
  // cargo runs a build script under a fixed name beside its hashed one.
  if (unit.kind === 'custom-build' && inv.artifacts.executable)
    await uplift(inv.artifacts.executable, join(outputDir(unit, ctx.layout), SCRIPT_EXECUTABLE))
  const filenames: string[] = []
  for (const file of inv.artifacts.files) {
    const to = upliftedPath(unit, ctx.layout, file)
    if (to) {
      await mkdir(dirname(to), { recursive: true })
      await uplift(file.path, to)
    }
    filenames.push(to ?? file.path)
  }
  if (inv.artifacts.rmeta) filenames.push(inv.artifacts.rmeta)
  ctx.sink({
    type: 'compiler-artifact',
    unit,
    filenames,
    executable: finalExecutable(unit, ctx.layout) ?? null,
    fresh: false
  })
  return 'done'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
