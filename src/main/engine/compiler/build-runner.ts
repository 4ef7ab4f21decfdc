/**
 * A build from request to result: find rustc, load and resolve the package graph, plan the
 * units, then drain them through the job queue while reporting progress. Planning is
 * finished before the first process starts.
 */
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { levelLine } from '@shared/format/ansi'
import { finishedDetail } from '@shared/format/status'
import type { UnitSummary } from '@shared/models/build'
import { platformMatches } from '../resolver/platform'
import { resolveFeatures, type FeatureRequest } from '../resolver/features'
import { findRustc, rustcInfo, type RustcInfo } from '../tools/rustc'
import { loadPackageGraph, type PackageGraph } from '../workspace/package-graph'
import { runBuildCommand } from './build-command'
import { compileUnit, emitLine } from './compile-unit'
import type { EventSink } from './events'
import { runQueue } from './job-queue'
import { layoutFor, type Layout } from './layout'
import { isOptimized, resolveProfile, type Profile } from './profile'
import type { RunContext } from './run-context'
import type { Unit } from './unit'
import { planBuild, type BuildPlan, type TargetSelection } from './unit-graph'

export interface BuildOptions {
  readonly manifestPath: string
  readonly profile: string
  readonly jobs?: number
  readonly selection: TargetSelection
  readonly features?: FeatureRequest
  readonly keepGoing?: boolean
  /** The environment rustc and build commands inherit; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv
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
}

const DEFAULT_FEATURES: FeatureRequest = { features: [], allFeatures: false, noDefaultFeatures: false }

export async function runBuild(o: BuildOptions, io: BuildIo): Promise<BuildResult> {
  const now = io.now ?? (() => performance.now())
  const started = now()
  const env = o.env ?? process.env
  const rustc = await rustcInfo(await findRustc(env), env)
  const graph = await loadPackageGraph(o.manifestPath, (key) => platformMatches(key, rustc.host, rustc.cfg))
  const root = graph.root.pkg.manifest
  for (const node of graph.nodes.values()) {
    for (const w of node.pkg.warnings) {
      // cargo names the file only for manifests other than the one being built.
      emitLine(io.sink, levelLine('warning', node.isRoot ? w.message : `${w.file}: ${w.message}`))
    }
  }
  const features = resolveFeatures(graph, o.features ?? DEFAULT_FEATURES)
  const profile = resolveProfile(o.profile, root.profiles, root.path)
  const layout = layoutFor(join(dirname(root.path), 'target'), profile)
  const plan = planBuild({
    root: graph.root,
    features,
    profile,
    layout,
    selection: o.selection,
    rustcVersion: rustc.verbose
  })
  const jobs = Math.max(1, o.jobs ?? availableParallelism())
  let diagnosticId = 0
  const ctx: RunContext = {
    layout,
    cwd: root.rootDir,
    baseEnv: env,
    rustc,
    jobs,
    sink: io.sink,
    ...(io.signal ? { signal: io.signal } : {}),
    now,
    nextDiagnosticId: () => ++diagnosticId
  }
  for (const w of plan.warnings) emitLine(io.sink, levelLine('warning', w))
  io.sink({ type: 'planned', units: plan.units.map(summarize) })

  const announced = new Set<string>()
  const outcome = await runQueue(plan.units, {
    jobs,
    keepGoing: o.keepGoing ?? false,
    ...(io.signal ? { signal: io.signal } : {}),
    execute: async (unit, metadataReady) => {
      if (!announced.has(unit.node.id)) {
        announced.add(unit.node.id)
        const m = unit.node.pkg.manifest
        io.sink({
          type: 'status',
          verb: 'Compiling',
          detail: `${m.package.name} v${m.package.version} (${m.rootDir})`
        })
      }
      io.sink({ type: 'unit-started', unitId: unit.id, at: now() - started })
      const result =
        unit.mode === 'build-command'
          ? await runBuildCommand(unit, ctx)
          : await compileUnit(unit, ctx, metadataReady)
      io.sink({ type: 'unit-finished', unitId: unit.id, at: now() - started, outcome: result })
      return result
    }
  })
  const elapsedMs = now() - started
  if (outcome.success) {
    const detail = finishedDetail(profile.name, isOptimized(profile), profile.debuginfo > 0, elapsedMs)
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
    elapsedMs
  }
}

function summarize(u: Unit): UnitSummary {
  const p = u.node.pkg.manifest.package
  return {
    id: u.id,
    packageName: p.name,
    packageVersion: p.version,
    targetName: u.target?.name ?? 'build',
    kind: u.target?.kind ?? 'build-command'
  }
}
