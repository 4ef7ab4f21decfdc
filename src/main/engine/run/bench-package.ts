/**
 * `bench`: cargo's `run_benches`. Build every target with `bench = true` (the library, binaries
 * and `benches/`) as a harness with the `bench` profile, then run each in cargo's order as
 * `<harness> [ARGS] --bench`. libtest measures `#[bench]` functions (nightly only) and, on
 * stable, lists plain tests as ignored; a `harness = false` bench is the user's own program
 * (criterion and friends). Doc tests are never run.
 */
import { runBuild, type BuildIo, type BuildOptions } from '../compiler/build-runner'
import type { TargetSelection } from '../compiler/unit-graph'
import { testBinaries } from './harnesses'
import type { TestPackageResult } from './test-package'
import { runTestSequence } from './test-sequence'

export interface BenchOptions extends Omit<BuildOptions, 'selection'> {
  /** Which harnesses; default: every target with `bench = true`, as `cargo bench` picks them. */
  readonly selection?: TargetSelection
  /** The BENCHNAME filter and what follows cargo's `--`, for every harness (`--bench` comes last). */
  readonly args: readonly string[]
  readonly noFailFast?: boolean
  /** Build the harnesses but run none (`--no-run`): the result lists them. */
  readonly noRun?: boolean
  /** `-q`: libtest harnesses get `--quiet` too, as cargo passes it. */
  readonly quiet?: boolean
  /** Where cargo was started: labels show paths relative to it. */
  readonly cwd: string
}

/** `cargo bench` without target flags: the targets whose `bench` flag is on, of every kind. */
export const DEFAULT_BENCH_SELECTION: TargetSelection = { lib: false, bins: [], flagged: ['bench'] }

/** Builds the bench harnesses and runs them; the result is `testPackage`'s, without doc tests. */
export async function benchPackage(o: BenchOptions, io: BuildIo): Promise<TestPackageResult> {
  const build = await runBuild({ ...o, selection: o.selection ?? DEFAULT_BENCH_SELECTION }, io)
  if (!build.success) return { build }
  if (o.noRun) return { build, executables: testBinaries(build, o, 'benches') }
  const tests = await runTestSequence(
    testBinaries(build, o),
    [],
    {
      args: o.args,
      mode: 'bench',
      ...(o.noFailFast ? { noFailFast: true } : {}),
      ...(o.quiet ? { quiet: true } : {})
    },
    io
  )
  return { build, tests }
}
