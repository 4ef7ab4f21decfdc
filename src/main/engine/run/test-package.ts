/**
 * `test`: build the package's test harnesses (the library's and binaries' unit tests,
 * integration tests) and its examples, then run the harnesses in cargo's order and each
 * library's doc tests after them, reporting every test as it finishes. Cancel kills the running
 * harness's (or rustdoc's) whole process group.
 */
import { join } from 'node:path'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import { runBuild, type BuildIo, type BuildOptions, type BuildResult } from '../compiler/build-runner'
import { finalExecutable } from '../compiler/artifacts'
import type { BuildScriptOutput } from '../compiler/build-script/build-output'
import type { EventSink } from '../compiler/events'
import type { TargetSelection } from '../compiler/unit-graph'
import type { Unit } from '../compiler/unit'
import { harnessEnv, harnessLabel, type TestBinary } from '../test-runner/test-binary'
import type { RustcInfo } from '../tools/rustc'
import type { TestRunResult } from '../test-runner/run-test-binaries'
import type { PackageSelection } from '../workspace/select-members'
import type { DocTestMode } from './doc-test-plan'
import { prepareDocTests } from './doc-tests'
import { runTestSequence } from './test-sequence'

export type { DocTestMode } from './doc-test-plan'

export interface TestOptions extends Omit<BuildOptions, 'selection'> {
  /** Which harnesses; default: everything `cargo test` runs. */
  readonly selection?: TargetSelection
  /**
   * Doc tests: `also` after the harnesses (plain `cargo test`), `only` (`--doc`), or `none`
   * (cargo runs none once target flags or a test name chose the harnesses). Default: `also`
   * without a `selection`, else `none`.
   */
  readonly docTests?: DocTestMode
  /** Arguments for every harness (a name filter, `--nocapture`, `--ignored`…). */
  readonly args: readonly string[]
  readonly noFailFast?: boolean
  /** Build the harnesses but run none (`--no-run`). */
  readonly noRun?: boolean
  /** Where cargo was started: labels show paths relative to it. */
  readonly cwd: string
  /** `--message-format json` also asks rustdoc for JSON diagnostics. */
  readonly messageFormat?: 'human' | 'json'
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

/**
 * What `--doc` builds: the library its doc tests link, and its dev-dependencies, which only a
 * unit built with them brings into the build; the library's unit-test harness is that unit (it
 * is compiled, not run).
 */
const DOC_ONLY_SELECTION: TargetSelection = { lib: true, bins: [], libTest: true, requireLib: true }

/** cargo runs the library's tests first, then binaries', integration tests, benches, examples. */
const ORDER = ['lib', 'bin', 'test', 'bench', 'example']

function selectionOf(o: TestOptions, docs: DocTestMode): TargetSelection {
  if (docs === 'only') return DOC_ONLY_SELECTION
  const selection = o.selection ?? DEFAULT_TEST_SELECTION
  // The doc tests link the library itself, which a package with nothing but a library would not build.
  return docs === 'also' ? { ...selection, lib: true } : selection
}

export async function testPackage(o: TestOptions, io: BuildIo): Promise<TestPackageResult> {
  const docs = o.docTests ?? (o.selection ? 'none' : 'also')
  // The build reports each build script's output (fresh ones too): doc tests need their cfgs.
  const scripts = new Map<string, BuildScriptOutput>()
  const sink: EventSink = (e) => {
    if (e.type === 'build-script-executed') scripts.set(e.unit.id, e.output)
    io.sink(e)
  }
  const build = await runBuild({ ...o, selection: selectionOf(o, docs) }, { ...io, sink })
  if (!build.success || o.noRun) return { build }
  const docTests =
    docs === 'none'
      ? []
      : await prepareDocTests(
          build,
          {
            ...o,
            mode: docs,
            scripts,
            needsPackageSpec: needsPackageSpec(o.packages, build)
          },
          (text) => sink({ type: 'message', level: 'warning', text })
        )
  const binaries = docs === 'only' ? [] : testBinaries(build, o)
  const tests = await runTestSequence(
    binaries,
    docTests,
    { args: o.args, ...(o.noFailFast ? { noFailFast: true } : {}) },
    io
  )
  return { build, tests }
}

/**
 * cargo's `needs_spec_flag`: its rerun hints name the package (`-p demo --lib`) when packages
 * were named or excluded, or when the default or whole workspace selected more than one.
 */
function needsPackageSpec(packages: PackageSelection | undefined, build: BuildResult): boolean {
  if (packages?.packages?.length || packages?.exclude?.length) return true
  return new Set(build.plan.units.filter((u) => u.primary).map((u) => u.pkgKey)).size > 1
}

function isHarness(u: Unit): boolean {
  const kind = u.target?.kind
  return u.test || ((kind === 'test' || kind === 'bench') && u.target?.harness === false)
}

export function testBinaries(
  build: BuildResult,
  o: Pick<TestOptions, 'cwd' | 'env' | 'packages'>
): TestBinary[] {
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
  const spec = needsPackageSpec(o.packages, build)
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
      env: harnessEnv(
        m,
        env,
        [build.layout.dest, build.layout.deps, sysrootLibraryDir(build.rustc)],
        programs.get(u.node.id) ?? {}
      ),
      target: { kind: t.kind, name: t.name },
      ...(spec ? { packageSpec: m.package.name } : {}),
      ...(u.target?.harness === false ? { harness: false } : {})
    }
  })
}

/**
 * The toolchain's own libraries, after target/'s: a proc-macro's test harness is linked with
 * `-C prefer-dynamic`, so it loads libstd from there at run time (cargo adds it too).
 */
function sysrootLibraryDir(rustc: Pick<RustcInfo, 'sysroot' | 'host'>): string {
  return process.platform === 'win32'
    ? join(rustc.sysroot, 'bin')
    : join(rustc.sysroot, 'lib', 'rustlib', rustc.host, 'lib')
}
