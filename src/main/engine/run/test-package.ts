/**
 * `test`: build the package's test harnesses (the library's and binaries' unit tests,
 * integration tests) and its examples, then run the harnesses in cargo's order, reporting
 * every test as it finishes. Cancel kills the running harness's whole process group.
 */
import { compareStrings } from '../resolver/feature-resolver/package-order'
import { runBuild, type BuildIo, type BuildOptions, type BuildResult } from '../compiler/build-runner'
import { finalExecutable } from '../compiler/artifacts'
import type { TargetSelection } from '../compiler/unit-graph'
import type { Unit } from '../compiler/unit'
import { harnessEnv, harnessLabel, type TestBinary } from '../test-runner/test-binary'
import { runTestBinaries, type TestRunResult } from '../test-runner/run-test-binaries'

export interface TestOptions extends Omit<BuildOptions, 'selection'> {
  /** Which harnesses; default: everything `cargo test` runs. */
  readonly selection?: TargetSelection
  /** Arguments for every harness (a name filter, `--nocapture`, `--ignored`…). */
  readonly args: readonly string[]
  readonly noFailFast?: boolean
  /** Build the harnesses but run none (`--no-run`). */
  readonly noRun?: boolean
  /** Where cargo was started: labels show paths relative to it. */
  readonly cwd: string
}

export interface TestPackageResult {
  readonly build: BuildResult
  readonly tests?: TestRunResult
}

/** What `cargo test` builds without target flags: every harness, plus examples to check they compile. */
export const DEFAULT_TEST_SELECTION: TargetSelection = {
  lib: false,
  bins: 'all',
  libTest: true,
  binTests: 'all',
  tests: 'all',
  examples: 'all'
}

/** cargo runs the library's tests first, then binaries', integration tests, benches, examples. */
const ORDER = ['lib', 'bin', 'test', 'bench', 'example']

export async function testPackage(o: TestOptions, io: BuildIo): Promise<TestPackageResult> {
  const build = await runBuild({ ...o, selection: o.selection ?? DEFAULT_TEST_SELECTION }, io)
  if (!build.success || o.noRun) return { build }
  const tests = await runTestBinaries(
    testBinaries(build, o),
    { args: o.args, ...(o.noFailFast ? { noFailFast: true } : {}) },
    io
  )
  return { build, tests }
}

function isHarness(u: Unit): boolean {
  const kind = u.target?.kind
  return u.test || ((kind === 'test' || kind === 'bench') && u.target?.harness === false)
}

export function testBinaries(build: BuildResult, o: Pick<TestOptions, 'cwd' | 'env'>): TestBinary[] {
  const units = build.plan.requested.filter(isHarness)
  // Package by package (as cargo sorts its units), then lib, bins, tests… by name.
  const byPackage = (u: Unit) =>
    `${u.node.pkg.manifest.package.name}\u0000${u.node.pkg.manifest.package.version}`
  units.sort(
    (a, b) =>
      compareStrings(byPackage(a), byPackage(b)) ||
      ORDER.indexOf(a.target!.kind) - ORDER.indexOf(b.target!.kind) ||
      a.target!.name.localeCompare(b.target!.name)
  )
  // Integration tests find their own package's programs through CARGO_BIN_EXE_<name>.
  const programs = new Map<string, Record<string, string>>()
  for (const u of build.plan.units) {
    if (!u.primary || u.target?.kind !== 'bin' || u.test) continue
    const own = programs.get(u.node.id) ?? {}
    own[u.target.name] = finalExecutable(u, build.layout) ?? ''
    programs.set(u.node.id, own)
  }
  const env = o.env ?? process.env
  return units.map((u) => {
    const t = u.target!
    const m = u.node.pkg.manifest
    const executable = finalExecutable(u, build.layout)!
    return {
      suite: harnessLabel({
        kind: t.kind,
        srcPath: t.srcPath,
        packageRoot: m.rootDir,
        executable,
        cwd: o.cwd
      }),
      executable,
      cwd: m.rootDir,
      env: harnessEnv(m, env, [build.layout.dest, build.layout.deps], programs.get(u.node.id) ?? {}),
      target: { kind: t.kind, name: t.name },
      ...(u.target?.harness === false ? { harness: false } : {})
    }
  })
}
