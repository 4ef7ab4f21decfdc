/**
 * `run`: build the chosen binary, then execute it with the user's arguments, its output
 * streamed (UI) or given the terminal (CLI). Cancel kills the program's whole process group.
 */
import { delimiter } from 'node:path'
import { finalExecutable } from '../compiler/artifacts'
import { runBuild, type BuildIo, type BuildOptions, type BuildResult } from '../compiler/build-runner'
import { emitMessage } from '../compiler/events'
import { relativeOrAbsolute } from '../tools/paths'
import type { Package } from '../manifest/model'
import { loadWorkspace } from '../workspace/load-workspace'
import { memberId, selectMembers } from '../workspace/select-members'
import { packageIdSpecString } from '../metadata/package-id-string'
import { libraryPathVariable } from '../tools/library-path'
import { runProcess, type ProcessOutcome } from '../tools/run-process'
import { withRunner } from '../config/target-tools'
import { chooseBinary } from './choose-binary'
import { EngineError } from '../errors'

export interface RunOptions extends Omit<BuildOptions, 'selection'> {
  readonly bin?: string
  /** Run this example instead of a binary (`run --example NAME`). */
  readonly example?: string
  readonly args: readonly string[]
  /** Where the program runs (cargo uses the caller's directory). */
  readonly cwd: string
  readonly stdio: 'pipe' | 'inherit'
  /**
   * Starts the program in place of `runProcess` with the terminal (`stdio` is then moot): the
   * build server hands it to its client, whose terminal it is.
   */
  readonly launch?: ProgramLauncher
}

/** Runs `program` with the terminal and resolves how it ended; cancelling `signal` ends it. */
export type ProgramLauncher = (
  program: string,
  args: readonly string[],
  o: {
    readonly cwd: string
    readonly env: Readonly<Record<string, string | undefined>>
    readonly signal?: AbortSignal
  }
) => Promise<ProcessOutcome>

export interface RunResult {
  readonly build: BuildResult
  readonly exit?: ProcessOutcome
}

/**
 * The one package `run` builds from: `-p`, else among the selected members the one with the
 * named example or binary, else the only one with binaries (cargo's rule for workspaces).
 */
async function packageToRun(o: RunOptions): Promise<Package> {
  const ws = await loadWorkspace(o.manifestPath)
  const { members } = selectMembers(ws, o.packages)
  const has = (p: Package, kind: 'bin' | 'example', name?: string) =>
    p.targets.some((t) => t.kind === kind && (name === undefined || t.name === name))
  const candidates =
    o.example !== undefined
      ? members.filter((p) => has(p, 'example', o.example))
      : members.filter(
          (p) => has(p, 'bin', o.bin) || (o.bin === undefined && p.manifest.package.defaultRun !== undefined)
        )
  if (candidates.length === 1 || (members.length === 1 && candidates.length === 0))
    return candidates[0] ?? members[0]!
  const names = (candidates.length ? candidates : members).map((p) => p.manifest.package.name)
  throw new EngineError(
    'invalid-input',
    candidates.length
      ? `\`run\` could not determine which package to run: ${names.join(', ')} all fit.`
      : `No selected package has ${o.example !== undefined ? `an example \`${o.example}\`` : o.bin !== undefined ? `a binary \`${o.bin}\`` : 'a binary'}: ${names.join(', ')}.`,
    { file: ws.root.path, hint: 'Choose the package with -p NAME (and the target with --bin or --example).' }
  )
}

export async function runPackage(o: RunOptions, io: BuildIo): Promise<RunResult> {
  const pkg = await packageToRun(o)
  const [kind, name] =
    o.example !== undefined ? (['example', o.example] as const) : (['bin', chooseBinary(pkg, o.bin)] as const)
  const selection =
    kind === 'example' ? { lib: false, bins: [], examples: [name] } : { lib: false, bins: [name] }
  // The member's full package ID spec: a dependency with the same name and version is not it.
  const packages = { packages: [packageIdSpecString(memberId(pkg))] }
  const build = await runBuild({ ...o, selection, packages }, io)
  if (!build.success) return { build }
  const unit = build.plan.requested.find((u) => u.target?.kind === kind && u.target.name === name)
  const path = unit && finalExecutable(unit, build.layout)
  if (!path)
    throw new EngineError(
      'invalid-input',
      `The ${kind} \`${name}\` is not a program (it builds a library).`,
      {
        hint: 'Give the example a `fn main` and no `crate-type`, or pick another target.'
      }
    )
  // A configured runner (`target.<triple>.runner`) starts the program: `runner args… program args…`.
  // cargo names the program relative to where it runs, and so does the runner's command line.
  const shownPath = relativeOrAbsolute(o.cwd, path)
  const [program, args] = withRunner(build.tools.runner, build.tools.runner ? shownPath : path, o.args)
  const shown = [program === path ? shownPath : program, ...args].join(' ')
  io.sink({ type: 'status', verb: 'Running', detail: `\`${shown}\`` })
  const env = o.env ?? process.env
  const libVar = libraryPathVariable()
  const m = pkg.manifest
  const programEnv = {
    ...env,
    CARGO_MANIFEST_DIR: m.rootDir,
    CARGO_MANIFEST_PATH: m.path,
    CARGO_PKG_NAME: m.package.name,
    CARGO_PKG_VERSION: m.package.version,
    [libVar]: [build.layout.deps, build.layout.dest, env[libVar]].filter(Boolean).join(delimiter)
  }
  const signal = io.signal ? { signal: io.signal } : {}
  const exit = o.launch
    ? await o.launch(program, args, { cwd: o.cwd, env: programEnv, ...signal })
    : await runProcess(program, args, {
        cwd: o.cwd,
        env: programEnv,
        stdio: o.stdio,
        ...signal,
        onStdout: (text) => io.sink({ type: 'output', source: 'program', stream: 'stdout', text }),
        onStderr: (text) => io.sink({ type: 'output', source: 'program', stream: 'stderr', text })
      })
  io.sink({ type: 'program-exited', exitCode: exit.exitCode, signal: exit.signal })
  if (!exit.cancelled && exit.exitCode !== 0) {
    const status = exit.signal ? `signal: ${exit.signal}` : `exit status: ${exit.exitCode}`
    emitMessage(io.sink, 'error', `process didn't exit successfully: \`${shown}\` (${status})`)
  }
  return { build, exit }
}
