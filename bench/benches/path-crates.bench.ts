/**
 * The generated 300-package graph of path crates (path-crates.ts): planning it, and building it
 * from scratch, where each unit's rustc is short, so the engine's cost per unit shows.
 *
 * Planning, ours: `runBuild` in-process, cancelled the moment it reports its plan (find rustc,
 * resolve with the Cargo.lock, feature resolution, unit planning, the build lock; no rustc runs).
 * Cargo's: `cargo build --unit-graph -Z unstable-options` (RUSTC_BOOTSTRAP=1), which stops at the
 * same point and prints the plan; where that flag is refused, a no-op build after a full one.
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Bench } from '../bench'
import { BUILD_RUNS, CLEAN_RUNS, dropTarget, emptyTrash, JOBS, scratchDir } from './build-setup'
import { describeTimelines, timelineOf, type Timeline } from './build-timeline'
import { cargo, cargoBuild, engineBuild } from './build-tools'
import { writePathCrates } from './path-crates'

const COUNT = 300

interface Copies {
  readonly ours: string
  readonly theirs: string
}

let copies: Promise<Copies> | undefined

/** The package generated once, locked by cargo, and copied for each side. */
function pathCrates(): Promise<Copies> {
  copies ??= (async () => {
    const dir = join(await scratchDir(), 'path-crates')
    const app = await writePathCrates(join(dir, 'source'), COUNT)
    await cargo(app, ['generate-lockfile'])
    for (const side of ['ours', 'theirs']) await cp(join(dir, 'source'), join(dir, side), { recursive: true })
    return { ours: join(dir, 'ours', 'app'), theirs: join(dir, 'theirs', 'app') }
  })()
  return copies
}

let baselineNote = ''

export const planPathCrates: Bench = {
  name: `plan ${COUNT} path crates`,
  what: 'runBuild in-process, cancelled at its `planned` event: resolve, features, units',
  runs: BUILD_RUNS * 2,
  warmups: 1,
  maxRatio: 1,
  inTurns: true,
  async prepare() {
    const { ours } = await pathCrates()
    return async () => {
      const cancel = new AbortController()
      let units = 0
      await engineBuild(
        ours,
        (e) => {
          if (e.type !== 'planned') return
          units = e.units.length
          cancel.abort()
        },
        cancel.signal
      )
      if (units < COUNT)
        throw new Error(`our plan has ${units} units; ${COUNT} packages need at least ${COUNT}`)
    }
  },
  baseline: {
    name: 'cargo build --unit-graph',
    async prepare() {
      const { theirs } = await pathCrates()
      const unitGraph = () =>
        cargoBuild(theirs, ['--unit-graph', '-Z', 'unstable-options'], { RUSTC_BOOTSTRAP: '1' })
      try {
        await unitGraph()
        baselineNote = `plan ${COUNT} path crates: cargo's side is \`cargo build --unit-graph -Z unstable-options\` (RUSTC_BOOTSTRAP=1), which resolves, plans and prints the unit graph without compiling`
        return unitGraph
      } catch {
        await cargoBuild(theirs)
        baselineNote = `plan ${COUNT} path crates: this cargo refuses --unit-graph, so cargo's side is a no-op \`cargo build\` after a full one (resolve, plan and a freshness check)`
        return () => cargoBuild(theirs)
      }
    }
  },
  notes: () => (baselineNote ? [baselineNote] : [])
}

const cleanTimelines: Timeline[] = []
/**
 * No target: the clean-build target is the real-crates package's. Here each unit is a
 * rustc of a few lines, so what shows is Node's cost per process started (a fork of the whole
 * ~100 MB engine process, 3–4 ms of the main thread on the bench machine, × 300), which cargo
 * does not pay; the timeline note below says where the time went.
 */
export const buildPathCrates: Bench = {
  name: `build clean ${COUNT} path crates`,
  what: `runBuild in-process from no target/: ${COUNT} units of a few lines each (no target: per-process cost)`,
  runs: CLEAN_RUNS,
  warmups: 0,
  inTurns: true,
  async prepare() {
    const { ours } = await pathCrates()
    return async () => {
      await dropTarget(ours)
      const start = performance.now()
      const { events } = await engineBuild(ours)
      cleanTimelines.push(timelineOf(events, performance.now() - start))
    }
  },
  baseline: {
    name: 'cargo build, no target/',
    async prepare() {
      const { theirs } = await pathCrates()
      return async () => {
        await dropTarget(theirs)
        await cargoBuild(theirs)
      }
    }
  },
  dispose: emptyTrash,
  notes: () => [describeTimelines(`build clean ${COUNT} path crates, in-process`, cleanTimelines, JOBS)]
}
