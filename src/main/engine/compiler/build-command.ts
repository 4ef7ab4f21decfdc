/**
 * The 2014 manifest's `build = "COMMAND"`: run in the package root before rustc, with OUT_DIR
 * set. As in 2014 cargo the command is split on whitespace and run directly; no shell ever
 * sees it.
 */
import { mkdir } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { EngineError } from '../errors'
import { findOnPath, isExecutable } from '../tools/find-program'
import { runProcess } from '../tools/run-process'
import { emitMessage, runningStatus } from './events'
import type { JobResult } from './job-queue'
import type { RunContext } from './run-context'
import { rustcEnv } from './rustc-args'
import type { Unit } from './unit'

export function splitCommand(command: string): string[] {
  return command.trim().split(/\s+/).filter(Boolean)
}

async function resolveProgram(
  program: string,
  root: string,
  env: NodeJS.ProcessEnv
): Promise<string | undefined> {
  if (isAbsolute(program)) return (await isExecutable(program)) ? program : undefined
  if (program.includes('/') || program.includes('\\')) {
    const local = join(root, program)
    return (await isExecutable(local)) ? local : undefined
  }
  return findOnPath(program, env)
}

export async function runBuildCommand(unit: Unit, ctx: RunContext): Promise<JobResult> {
  const m = unit.node.pkg.manifest
  const build = m.package.build
  if (build.type !== 'command' || !unit.outDir) throw new Error(`unit ${unit.id} is not a build command`)
  const [program, ...args] = splitCommand(build.command)
  const label = `${m.package.name} v${m.package.version} (${m.rootDir})`
  if (!program)
    throw new EngineError('manifest-invalid', '`package.build` is an empty command.', { file: m.path })
  const resolved = await resolveProgram(program, m.rootDir, ctx.baseEnv)
  if (!resolved) {
    emitMessage(
      ctx.sink,
      'error',
      `failed to run custom build command for \`${label}\`\n\nCaused by:\n  could not find \`${program}\` (from \`build = "${build.command}"\` in ${m.path})`,
      unit.id
    )
    return 'failed'
  }
  await mkdir(unit.outDir, { recursive: true })
  const env = {
    ...rustcEnv(unit, { layout: ctx.layout, cwd: ctx.cwd, baseEnv: ctx.baseEnv }),
    OUT_DIR: unit.outDir,
    TARGET: ctx.rustc.host,
    HOST: ctx.rustc.host,
    NUM_JOBS: String(ctx.jobs),
    OPT_LEVEL: unit.profile.optLevel,
    DEBUG: String(unit.profile.debuginfo > 0),
    PROFILE: unit.profile.root,
    RUSTC: ctx.rustc.path
  }
  ctx.sink({ ...runningStatus(resolved, args), unitId: unit.id })
  const outcome = await runProcess(resolved, args, {
    cwd: m.rootDir,
    env,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStdout: (text) =>
      ctx.sink({ type: 'output', source: 'build-command', stream: 'stdout', text, unitId: unit.id }),
    onStderr: (text) =>
      ctx.sink({ type: 'output', source: 'build-command', stream: 'stderr', text, unitId: unit.id })
  })
  if (outcome.cancelled) return 'cancelled'
  if (outcome.exitCode === 0) return 'done'
  const status = outcome.signal ? `signal: ${outcome.signal}` : `exit status: ${outcome.exitCode}`
  emitMessage(
    ctx.sink,
    'error',
    `failed to run custom build command for \`${label}\`\n\nCaused by:\n  process didn't exit successfully: \`${build.command}\` (${status})`,
    unit.id
  )
  return 'failed'
}
