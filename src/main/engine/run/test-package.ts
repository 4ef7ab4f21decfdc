/**
 * `test`: build the package's test harnesses (the library's and binaries' unit tests,
 * integration tests) and its examples, then run the harnesses in cargo's order and each
 * library's doc tests after them, reporting every test as it finishes. Cancel kills the running
 * harness's (or rustdoc's) whole process group.
 */
import { runBuild, type BuildIo, type BuildOptions, type BuildResult } from '../compiler/build-runner'
import type { BuildScriptOutput } from '../compiler/build-script/build-output'
import type { EventSink } from '../compiler/events'
import type { TargetSelection } from '../compiler/unit-graph'
import type { TestBinary } from '../test-runner/test-binary'
import type { TestRunResult } from '../test-runner/run-test-binaries'
import type { DocTestMode } from './doc-test-plan'
import { prepareDocTests } from './doc-tests'
import { needsPackageSpec, testBinaries } from './harnesses'
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
  /**
   * `--no-run`: the harnesses built, in cargo's order, labelled as its `Executable` lines label
   * them (`unittests`, or `benches` for bench).
   */
  readonly executables?: readonly TestBinary[]
}

/**
 * What `cargo test` builds without target flags: every target with `test = true` as a harness,
 * plus examples to check they compile.
 */
export const DEFAULT_TEST_SELECTION: TargetSelection = {
  lib: false,
  bins: 'all',
  examples: 'all',
  flagged: ['test']
}

/**
 * What `--doc` builds: the library its doc tests link, and its dev-dependencies, which only a
 * unit built with them brings into the build; the library's unit-test harness is that unit (it
 * is compiled, not run).
 */
const DOC_ONLY_SELECTION: TargetSelection = { lib: true, bins: [], libTest: true, requireLib: true }

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
  if (!build.success) return { build }
  if (o.noRun) return { build, executables: testBinaries(build, o) }
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
