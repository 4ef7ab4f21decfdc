/**
 * Building a real package with our engine and with cargo, side by side at the same `-j`: a clean
 * build, a no-op build and a rebuild after touching src/main.rs. Ours runs in this process
 * (`runBuild`, as the resident app calls it) and as the CLI (`bin/crate-studio build`, a fresh
 * Node process); cargo is always its whole process. Runs alternate between ours and cargo's.
 */
import { utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Bench } from '../bench'
import { benchFixture } from './build-fixture'
import { BUILD_RUNS, CLEAN_RUNS, dropTarget, emptyTrash, JOBS } from './build-setup'
import { describeTimelines, timelineOf, type Timeline } from './build-timeline'
import { cargoBuild, cliBuild, cliBuiltAt, engineBuild, stopServer } from './build-tools'

/** In-process builds of `dir`; the timelines of all but the first `warmups` kept in `into`. */
function engineBuilds(dir: string, warmups: number, into: Timeline[]): () => Promise<void> {
  let calls = 0
  return async () => {
    const start = performance.now()
    const { events } = await engineBuild(dir)
    if (++calls > warmups) into.push(timelineOf(events, performance.now() - start))
  }
}

/** Notes the benches of this file share (the fixture, the CLI's build), printed once each. */
const pending = new Set<string>()
const printed = new Set<string>()

function unprintedNotes(): string[] {
  const out = [...pending].filter((n) => !printed.has(n))
  for (const n of out) printed.add(n)
  return out
}

async function fixture() {
  const f = await benchFixture()
  pending.add(f.note)
  return f
}

function noteCli(): void {
  pending.add(
    `CLI benches: bin/crate-studio runs out/main/cli.js as built at ${cliBuiltAt()} UTC (\`npm run build\` after changing the engine)`
  )
  pending.add(
    `CLI benches hand the build to the build server, which their first untimed run starts and their dispose stops (${CLI_WARMUPS} untimed runs each); "no server" is CRATE_STUDIO_DAEMON=0`
  )
}

/** The first CLI build starts the server; the next ones load its engine code and warm it. */
const CLI_WARMUPS = 3

/** A newer modification time on src/main.rs, which is all cargo looks at. */
async function touchMain(dir: string): Promise<void> {
  const now = new Date()
  await utimes(join(dir, 'src', 'main.rs'), now, now)
}

/** What every touch bench compares with. */
const touchBaseline: Bench['baseline'] = {
  name: 'touch src/main.rs, cargo build',
  async prepare() {
    const { theirs } = await benchFixture()
    return async () => {
      await touchMain(theirs)
      await cargoBuild(theirs)
    }
  }
}

const cleanTimelines: Timeline[] = []
const noopTimelines: Timeline[] = []
const touchTimelines: Timeline[] = []

export const buildClean: Bench = {
  name: 'build clean',
  what: 'runBuild in-process from no target/ (see the fixture note below)',
  runs: CLEAN_RUNS,
  warmups: 0,
  maxRatio: 1.05,
  inTurns: true,
  async prepare() {
    const { ours } = await fixture()
    const build = engineBuilds(ours, 0, cleanTimelines)
    return async () => {
      await dropTarget(ours)
      await build()
    }
  },
  baseline: {
    name: 'cargo build, no target/',
    async prepare() {
      const { theirs } = await benchFixture()
      return async () => {
        await dropTarget(theirs)
        await cargoBuild(theirs)
      }
    }
  },
  dispose: emptyTrash,
  notes: () => [...unprintedNotes(), describeTimelines('build clean, in-process', cleanTimelines, JOBS)]
}

export const buildNoopInProcess: Bench = {
  name: 'build no-op in-process',
  what: 'runBuild in-process on a built package, nothing changed',
  runs: BUILD_RUNS,
  warmups: 1,
  maxRatio: 1,
  inTurns: true,
  async prepare() {
    const { ours } = await fixture()
    return engineBuilds(ours, 1, noopTimelines)
  },
  baseline: {
    name: 'cargo build process, nothing changed',
    async prepare() {
      const { theirs } = await benchFixture()
      return () => cargoBuild(theirs)
    }
  },
  notes: () => [...unprintedNotes(), describeTimelines('build no-op, in-process', noopTimelines, JOBS)]
}

export const buildNoopCli: Bench = {
  name: 'build no-op CLI',
  what: 'bin/crate-studio build on a built package, nothing changed',
  runs: BUILD_RUNS,
  warmups: CLI_WARMUPS,
  maxRatio: 4,
  inTurns: true,
  async prepare() {
    const { ours } = await fixture()
    noteCli()
    return () => cliBuild(ours)
  },
  dispose: stopServer,
  baseline: {
    name: 'cargo build process, nothing changed',
    async prepare() {
      const { theirs } = await benchFixture()
      return () => cargoBuild(theirs)
    }
  },
  notes: unprintedNotes
}

export const buildTouchInProcess: Bench = {
  name: 'build touch in-process',
  what: 'touch src/main.rs, then runBuild in-process',
  runs: BUILD_RUNS,
  warmups: 1,
  maxRatio: 1.1,
  inTurns: true,
  async prepare() {
    const { ours } = await fixture()
    const build = engineBuilds(ours, 1, touchTimelines)
    return async () => {
      await touchMain(ours)
      await build()
    }
  },
  baseline: touchBaseline,
  notes: () => [...unprintedNotes(), describeTimelines('build touch, in-process', touchTimelines, JOBS)]
}

/** Touch src/main.rs, then build with the CLI, through the build server or not. */
async function touchThroughCli(server: boolean): Promise<() => Promise<void>> {
  const { ours } = await fixture()
  noteCli()
  return async () => {
    await touchMain(ours)
    await cliBuild(ours, server)
  }
}

export const buildTouchCli: Bench = {
  name: 'build touch CLI',
  what: 'touch src/main.rs, then bin/crate-studio build',
  runs: BUILD_RUNS,
  warmups: CLI_WARMUPS,
  maxRatio: 1.25,
  inTurns: true,
  prepare: () => touchThroughCli(true),
  dispose: stopServer,
  baseline: touchBaseline,
  notes: unprintedNotes
}

export const buildTouchCliNoServer: Bench = {
  name: 'build touch CLI no server',
  what: 'touch src/main.rs, then CRATE_STUDIO_DAEMON=0 bin/crate-studio build (for comparison)',
  runs: BUILD_RUNS,
  warmups: 1,
  inTurns: true,
  prepare: () => touchThroughCli(false),
  baseline: touchBaseline,
  notes: unprintedNotes
}
