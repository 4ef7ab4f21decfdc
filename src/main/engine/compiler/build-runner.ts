/**
 * A build from request to result: find rustc, resolve the workspace (Cargo.lock, git and
 * registry sources) into the package graph, resolve features, plan the units, then drain them
 * through the job queue while reporting progress. Planning is finished before the first
 * process starts.
 */
import { setMaxListeners } from 'node:events'
import { availableParallelism, homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { finishedDetail } from '@shared/format/status'
import type { UnitSummary } from '@shared/models/build'
import type { LockedFlag } from '../lockfile/write-lockfile'
import type { FeatureRequest } from '../resolver/features'
import { resolveWorkspaceFeatures } from '../resolver/feature-resolver/resolve-workspace-features'
import { HOST, hostTargetData, type TargetData } from '../resolver/feature-resolver/target-data'
import { EngineError } from '../errors'
import { findRustc, rustcInfo, withRustflagsCfg, type RustcInfo } from '../tools/rustc'
import { cacheDirOf } from '../workspace/cache-dir'
import type { PackageGraph } from '../workspace/package-graph'
import { selectMembers, type PackageSelection, type SelectedMembers } from '../workspace/select-members'
import type { WorkspaceResolution } from '../workspace/resolve-workspace'
import { querySpec } from '../tree/package-id-spec'
import { packageIdKey } from '../resolver/resolve/resolve-types'
import { lazyJobserver } from '../tools/jobserver'
import { acquireBuildLock } from './build-lock'
import type { TargetPlatform } from '../config/build-config'
import { executeUnit, type UnitExecution } from './execute-unit'
import { freshnessState } from './freshness/unit-freshness'
import { emitMessage, type EventSink } from './events'
import { runQueue } from './job-queue'
import { layoutDests, layoutFor, type Layout } from './layout'
import { displayPackage } from './package-display'
import { hasDebuginfo, isOptimized, type Profile } from './profile'
import { resolveForBuild } from './resolve-for-build'
import type { RunContext } from './run-context'
import type { Unit } from './unit'
import { planBuild, type BuildPlan, type TargetSelection } from './unit-graph'
import { profileChooser } from './plan/profile-for'
import { checkBuildRequest, type CheckedRequest } from './plan/check-request'
import { codeFolders } from './plan/code-folders'
import type { TargetTools } from '../config/target-tools'

export interface BuildOptions {
  readonly manifestPath: string
  readonly profile: string
  readonly jobs?: number
  /** The app's jobs setting: below `-j` and `build.jobs` from .cargo/config, like a user-wide default. */
  readonly defaultJobs?: number
  readonly selection: TargetSelection
  /** `-p`, `--workspace`, `--exclude`; default: the current package or the default members. */
  readonly packages?: PackageSelection
  readonly features?: FeatureRequest
  /**
   * `--target TRIPLE`: build for it (overrides `build.target`). Naming the host's triple still
   * keeps host units apart in `target/<profile>/` and the rest in `target/<triple>/<profile>/`.
   */
  readonly target?: string
  readonly keepGoing?: boolean
  /** The environment rustc and build commands inherit; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv
  /** ANSI in rustc's rendered diagnostics (default); off for `--message-format json`. */
  readonly colourDiagnostics?: boolean
  /** Where relative CARGO_TARGET_DIR values resolve from (the CLI's working directory). */
  readonly cwd?: string
  /** Never touch the network (`--offline`); `net.offline` in config and `--frozen` imply it. */
  readonly offline?: boolean
  /** `--locked`/`--frozen`: fail rather than change Cargo.lock. */
  readonly locked?: LockedFlag
  /** Git databases and registry caches; defaults to `cacheDirOf(env)`. */
  readonly cacheDir?: string
  /** Where `~/.cargo/config.toml` is looked for; defaults to this user's home. */
  readonly homeDir?: string
  /**
   * Called with every folder whose code the build would run (path packages, build scripts kept
   * elsewhere) before anything runs: the app's workspace-trust check. The CLI passes none.
   */
  readonly checkCodeFolders?: (folders: readonly string[]) => Promise<void>
}

export interface BuildIo {
  readonly sink: EventSink
  readonly signal?: AbortSignal
  readonly now?: () => number
}

export interface BuildResult {
  readonly success: boolean
  readonly cancelled: boolean
  readonly graph: PackageGraph
  readonly plan: BuildPlan
  readonly profile: Profile
  readonly layout: Layout
  readonly rustc: RustcInfo
  readonly elapsedMs: number
  /** The configured linker and runner for the target's programs, and for the host's (proc-macro doc tests). */
  readonly tools: TargetTools
  readonly hostTools: TargetTools
  /** `RUSTDOC` or `build.rustdoc`, for doc tests; none: the toolchain's own. */
  readonly rustdoc?: string
}

const DEFAULT_FEATURES: FeatureRequest = { features: [], allFeatures: false, noDefaultFeatures: false }

/**
 * `CARGO_TARGET_DIR` (relative to where the command ran), else the configured or default one
 * the resolution found (`build.target-dir`, or `target/` beside the root manifest).
 */
function targetDir(o: BuildOptions, env: NodeJS.ProcessEnv, resolved: string): string {
  const fromEnv = env.CARGO_TARGET_DIR
  if (fromEnv) return resolve(o.cwd ?? process.cwd(), fromEnv)
  return resolved
}

/** The selected packages' keys: members by folder, then `-p` specs that name dependencies. */
function rootKeys(resolution: WorkspaceResolution, selected: SelectedMembers): string[] {
  const entries = [...resolution.resolve.packages.entries()]
  const keys = selected.members.map((pkg) => {
    const found = entries.find(
      ([, p]) => p.id.source.kind === 'path' && p.id.source.path === pkg.manifest.rootDir
    )
    if (!found) throw new EngineError('internal', `member ${pkg.manifest.path} is not in the resolve`)
    return found[0]
  })
  for (const spec of selected.others)
    keys.push(
      querySpec(
        spec,
        entries.map(([key, p]) => ({ key, id: p.id }))
      ).key
    )
  return keys
}

export async function runBuild(o: BuildOptions, io: BuildIo): Promise<BuildResult> {
  const now = io.now ?? (() => performance.now())
  const started = now()
  const env = o.env ?? process.env
  // Every rustc and build command listens for cancel on the same signal.
  if (io.signal) setMaxListeners(0, io.signal)
  const cacheDir = o.cacheDir ?? cacheDirOf(env)
  const rustc = await rustcInfo(
    await findRustc(env),
    env,
    dirname(o.manifestPath),
    join(cacheDir, 'rustc-info.json')
  )
  // The request's checks run before resolving (a mistake writes no Cargo.lock); what they read
  // and worked out (profiles, settings) is the build's from then on.
  let checked: CheckedRequest | undefined
  let selected: SelectedMembers | undefined
  const { graph, resolution } = await resolveForBuild({
    manifestPath: o.manifestPath,
    ...(o.cwd ? { cwd: o.cwd } : {}),
    env,
    homeDir: o.homeDir ?? homedir(),
    cacheDir,
    offline: o.offline ?? false,
    ...(o.locked ? { locked: o.locked } : {}),
    rustc,
    sink: io.sink,
    ...(io.signal ? { signal: io.signal } : {}),
    beforeResolve: async (ws, config) => {
      selected = selectMembers(ws, o.packages)
      for (const w of selected.warnings) emitMessage(io.sink, 'warning', w)
      checked = await checkBuildRequest(selected.members, ws.root.path, config, {
        features: o.features ?? DEFAULT_FEATURES,
        profile: o.profile,
        selection: o.selection,
        rustc,
        env,
        ...(o.target !== undefined ? { target: o.target } : {})
      })
    }
  })
  if (!checked || !selected) throw new EngineError('internal', 'The build request was never checked.')
  const roots = rootKeys(resolution, selected)
  const { manifestProfiles, profiles, settings } = checked
  // The target as RUSTFLAGS make it (`--cfg`, target features): what build scripts and cfg tables see.
  const named = settings.target
  const targetRustc = named
    ? await targetCfg(rustc, named, settings.rustflags, env, dirname(o.manifestPath))
    : await withRustflagsCfg(rustc, settings.rustflags, env, dirname(o.manifestPath))
  // A named target is filtered on its own; the host then keeps its cfg without RUSTFLAGS.
  const targetData: TargetData = named
    ? {
        ...hostTargetData(rustc),
        targets: new Map([[named.triple, { triple: named.triple, cfg: targetRustc.cfg }]])
      }
    : hostTargetData(targetRustc)
  const selection = o.selection
  const features = resolveWorkspaceFeatures(resolution, {
    specs: roots.map((key) => ({
      name: resolution.packages.get(key)!.id.name,
      matches: (id) => packageIdKey(id) === key
    })),
    flags: o.features ?? DEFAULT_FEATURES,
    hasDevUnits: hasDevUnits(selection),
    targetData,
    requestedKinds: [named ? { type: 'target', triple: named.triple } : HOST]
  })
  // The manifest's own reader already warned about some of these (unused keys).
  const told = new Set(graph.root.pkg.warnings.map((w) => w.message))
  const packageIds = [...resolution.resolve.packages.values()].map((p) => p.id)
  for (const w of [
    ...manifestProfiles.warnings.filter((m) => !told.has(m.message)),
    ...profiles.warnings,
    ...profiles.validatePackages(packageIds)
  ])
    emitMessage(io.sink, 'warning', w.message)
  // What the Finished line describes and where artifacts go: the profile the command asked for.
  const profile = profiles.base(o.profile)
  const layout = layoutFor(targetDir(o, env, resolution.targetDir), profile, named?.triple)
  const plan = planBuild({
    ws: resolution,
    features,
    targetData,
    profileFor: profileChooser(profiles, o.profile, rustc.host),
    layout,
    selection,
    roots,
    rustcVersion: rustc.verbose
  })
  for (const w of plan.warnings) emitMessage(io.sink, 'warning', w)
  await o.checkCodeFolders?.(codeFolders(plan))
  const jobs = Math.max(1, o.jobs ?? settings.jobs ?? o.defaultJobs ?? availableParallelism())
  let diagnosticId = 0
  // Each unit's LTO decision travels with the context to `rustcInvocation`.
  const jobserver = lazyJobserver(jobs)
  const ctx: RunContext = {
    jobserverEnv: () => jobserver.env(),
    lto: plan.lto,
    layout,
    // cargo runs rustc from the workspace root, so members' paths read from there.
    cwd: resolution.rootDir,
    baseEnv: settings.env,
    rustc: targetRustc,
    ...(named ? { hostCfg: rustc.cfg } : {}),
    rustflags: settings.rustflags,
    ...(settings.wrapper ? { rustcWrapper: settings.wrapper } : {}),
    ...(settings.tools.linker !== undefined ? { linker: settings.tools.linker } : {}),
    ...(settings.hostTools.linker !== undefined ? { hostLinker: settings.hostTools.linker } : {}),
    scriptOutputs: new Map(),
    jobs,
    colourDiagnostics: o.colourDiagnostics ?? true,
    sink: io.sink,
    ...(io.signal ? { signal: io.signal } : {}),
    nextDiagnosticId: () => ++diagnosticId
  }
  const release = await acquireBuildLocks(layoutDests(layout), io.sink, io.signal).catch((e: unknown) => {
    jobserver.close()
    throw e
  })
  try {
    io.sink({ type: 'planned', units: plan.units.map(summarize) })
    const announced = new Set<string>()
    // cargo says "Fresh" once per package, when the last of its units turned out fresh.
    const unitsLeft = new Map<string, number>()
    for (const u of plan.units) unitsLeft.set(u.node.id, (unitsLeft.get(u.node.id) ?? 0) + 1)
    const unitExecution: UnitExecution = {
      ctx,
      freshness: freshnessState(),
      at: () => now() - started,
      announce: (unit, reason) => {
        if (announced.has(unit.node.id)) return
        announced.add(unit.node.id)
        const p = unit.node.pkg.manifest.package
        const who = displayPackage({ name: p.name, version: p.version, source: unit.node.source })
        if (reason)
          io.sink({
            type: 'status',
            verb: 'Dirty',
            detail: `${who}: ${reason}`,
            verbose: true,
            unitId: unit.id
          })
        io.sink({ type: 'status', verb: 'Compiling', detail: who })
      },
      fresh: (unit) => {
        const left = (unitsLeft.get(unit.node.id) ?? 1) - 1
        unitsLeft.set(unit.node.id, left)
        if (left > 0 || announced.has(unit.node.id)) return
        const p = unit.node.pkg.manifest.package
        const detail = displayPackage({ name: p.name, version: p.version, source: unit.node.source })
        io.sink({ type: 'status', verb: 'Fresh', detail, verbose: true })
      }
    }
    const execute = (unit: Unit, metadataReady: () => void, slot: () => Promise<boolean>) =>
      executeUnit(unit, unitExecution, metadataReady, slot)
    const outcome = await runQueue(plan.units, {
      jobs,
      keepGoing: o.keepGoing ?? false,
      ...(io.signal ? { signal: io.signal } : {}),
      execute,
      onSkipped: (unit) =>
        io.sink({ type: 'unit-finished', unitId: unit.id, at: now() - started, outcome: 'skipped' })
    })
    const elapsedMs = now() - started
    if (outcome.success) {
      const detail = finishedDetail(profile.name, isOptimized(profile), hasDebuginfo(profile), elapsedMs)
      io.sink({ type: 'status', verb: 'Finished', detail })
    }
    return {
      success: outcome.success,
      cancelled: outcome.cancelled,
      graph,
      plan,
      profile,
      layout,
      rustc,
      elapsedMs,
      tools: settings.tools,
      hostTools: settings.hostTools,
      ...(settings.rustdoc !== undefined ? { rustdoc: settings.rustdoc } : {})
    }
  } finally {
    jobserver.close()
    await release()
  }
}

/**
 * The named target's cfg as rustc reports it with the target's RUSTFLAGS (`--target T` plus the
 * flags); without flags, what `rustc --print cfg --target T` said already.
 */
async function targetCfg(
  rustc: RustcInfo,
  target: TargetPlatform,
  rustflags: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<RustcInfo> {
  if (rustflags.length === 0) return { ...rustc, cfg: target.cfg }
  return withRustflagsCfg(rustc, ['--target', target.triple, ...rustflags], env, cwd)
}

/** Locks every folder the build writes into, in order; the release frees them all. */
async function acquireBuildLocks(
  dests: readonly string[],
  sink: EventSink,
  signal: AbortSignal | undefined
): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = []
  const releaseAll = async () => {
    for (const r of releases.reverse()) await r()
  }
  try {
    for (const dest of dests) releases.push(await acquireBuildLock(dest, sink, signal))
  } catch (e) {
    await releaseAll()
    throw e
  }
  return releaseAll
}

function summarize(u: Unit): UnitSummary {
  const p = u.node.pkg.manifest.package
  return {
    id: u.id,
    packageName: p.name,
    packageVersion: p.version,
    targetName: u.target?.name ?? 'build-script-build',
    kind: u.kind,
    deps: u.deps.map((d) => d.unit.id),
    forHost: u.forHost
  }
}

/** Tests, examples and benches use dev-dependencies, which changes feature resolution. */
function hasDevUnits(s: TargetSelection): boolean {
  const some = (n: TargetSelection['examples']) => n !== undefined && (n === 'all' || n.length > 0)
  return (
    s.libTest === true ||
    (s.flagged?.length ?? 0) > 0 ||
    [s.examples, s.tests, s.benches, s.binTests, s.exampleTests].some(some)
  )
}
