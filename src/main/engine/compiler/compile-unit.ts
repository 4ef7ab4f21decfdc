/** Runs rustc for one unit, turning its JSON stream into events. */
import { mkdir } from 'node:fs/promises'
import { levelLine } from '@shared/format/ansi'
import { runProcess } from '../tools/run-process'
import { describeUnit, type Unit } from './unit'
import type { JobResult } from './job-queue'
import { isSummary, parseRustcLine, toDiagnostic } from './rustc-messages'
import { rustcInvocation } from './rustc-args'
import type { EventSink } from './events'
import type { RunContext } from './run-context'
import { upliftedPath } from './artifacts'
import { uplift } from './uplift'

export async function compileUnit(
  unit: Unit,
  ctx: RunContext,
  metadataReady: () => void
): Promise<JobResult> {
  const inv = rustcInvocation(unit, { layout: ctx.layout, cwd: ctx.cwd, baseEnv: ctx.baseEnv })
  const target = unit.target!
  const pkgName = unit.node.pkg.manifest.package.name
  let warnings = 0
  let errors = 0
  await mkdir(ctx.layout.deps, { recursive: true })
  const outcome = await runProcess(ctx.rustc.path, inv.args, {
    cwd: inv.cwd,
    env: inv.env,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStdout: (text) => ctx.sink({ type: 'output', source: 'rustc', stream: 'stdout', text }),
    onStderrLine: (line) => {
      const parsed = parseRustcLine(line)
      switch (parsed.type) {
        case 'artifact':
          if (parsed.emit === 'metadata') metadataReady()
          return
        case 'text':
          ctx.sink({ type: 'output', source: 'rustc', stream: 'stderr', text: `${line}\n` })
          return
        case 'diagnostic': {
          const d = parsed.raw
          if (isSummary(d)) return
          if (d.level === 'warning') warnings++
          if (d.level === 'error' || d.level === 'error: internal compiler error') errors++
          ctx.sink({ type: 'compiler-message', unit, message: d })
          ctx.sink({
            type: 'diagnostic',
            diagnostic: toDiagnostic(d, ctx.nextDiagnosticId(), inv.cwd, pkgName, target.name)
          })
        }
      }
    }
  })
  if (outcome.cancelled) return 'cancelled'
  const what = describeUnit(unit)
  const ok = outcome.exitCode === 0
  if (warnings > 0 && ok) {
    emitLine(ctx.sink, levelLine('warning', `${what} generated ${plural(warnings, 'warning')}`))
  }
  if (!ok) {
    const counts =
      errors > 0 ? ` due to ${errors === 1 ? '1 previous error' : `${errors} previous errors`}` : ''
    const extra = warnings > 0 ? `; ${plural(warnings, 'warning')} emitted` : ''
    const status = outcome.signal ? ` (rustc was killed by ${outcome.signal})` : ''
    emitLine(ctx.sink, levelLine('error', `could not compile ${what}${counts}${extra}${status}`))
    return 'failed'
  }
  metadataReady()
  const filenames: string[] = []
  for (const file of inv.artifacts.files) {
    const to = upliftedPath(unit, ctx.layout, file)
    if (to) {
      await mkdir(ctx.layout.dest, { recursive: true })
      await uplift(file.path, to)
    }
    filenames.push(to ?? file.path)
  }
  if (inv.artifacts.rmeta) filenames.push(inv.artifacts.rmeta)
  const exe = inv.artifacts.executable
  ctx.sink({
    type: 'compiler-artifact',
    unit,
    filenames,
    executable: exe ? (upliftedPath(unit, ctx.layout, { crateType: 'bin', path: exe }) ?? exe) : null,
    fresh: false
  })
  return 'done'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** A line of cargo's own (not rustc's) output: summaries, errors, warnings. */
export function emitLine(sink: EventSink, text: string): void {
  sink({ type: 'output', source: 'rustc', stream: 'stderr', text: `${text}\n` })
}
