/**
 * A test harness to run, as the planner hands it over, and the cargo conventions that come with
 * it: the label of its "Running" line, the arguments that rerun it, and its environment.
 */
import { delimiter } from 'node:path'
import type { TargetKind } from '@shared/models/package'
import type { Manifest } from '../manifest/model'
import { packageEnv } from '../compiler/build-script/package-env'
import { libraryPathVariable } from '../tools/library-path'
import { relativeOrAbsolute } from '../tools/paths'

export type Env = Readonly<Record<string, string | undefined>>

/** One harness: a `rustc --test` executable (or a `harness = false` program). */
export interface TestBinary {
  /**
   * cargo's label, shown after "Running" and naming the suite in test events:
   * "unittests src/lib.rs (target/debug/deps/demo-1a2b)", "tests/it.rs (target/debug/deps/it-3c4d)".
   */
  readonly suite: string
  readonly executable: string
  /** A configured runner (`target.<triple>.runner`) and its arguments: the harness goes after them. */
  readonly runner?: readonly string[]
  /** cargo runs tests from the package root. */
  readonly cwd: string
  /** The complete environment (see `harnessEnv`). */
  readonly env: Env
  /** The target it tests, for cargo's "to rerun pass `--test it`". */
  readonly target: { readonly kind: TargetKind; readonly name: string }
  /** Set when cargo would need `-p NAME` to pick the package (a workspace with several members). */
  readonly packageSpec?: string
  /** `harness = false`: the program is not libtest, its output is passed through as is. Default true. */
  readonly harness?: boolean
}

/**
 * cargo's label for a harness: the target's source relative to the package, then the executable
 * relative to where cargo was started. Library, binary and example harnesses say "unittests"
 * (`word`: `bench --no-run` says "benches" on its `Executable` lines).
 */
export function harnessLabel(o: {
  readonly kind: TargetKind
  readonly srcPath: string
  readonly packageRoot: string
  readonly executable: string
  readonly cwd: string
  readonly word?: string
}): string {
  const source = relativeOrAbsolute(o.packageRoot, o.srcPath)
  const exe = relativeOrAbsolute(o.cwd, o.executable)
  const unit = o.kind === 'test' || o.kind === 'bench' ? '' : `${o.word ?? 'unittests'} `
  return `${unit}${source} (${exe})`
}

/** What to pass cargo to run only this harness again: `--lib`, `--test it`, `-p demo --bin demo`. */
export function rerunArgs(binary: Pick<TestBinary, 'target' | 'packageSpec'>): string {
  const { kind, name } = binary.target
  const which = kind === 'lib' ? '--lib' : `--${kind} ${name}`
  return binary.packageSpec ? `-p ${binary.packageSpec} ${which}` : which
}

/**
 * The environment cargo gives a test process: the package's CARGO_* variables (so
 * `env::var("CARGO_MANIFEST_DIR")` works at run time, as tests often read fixtures through it),
 * `CARGO_BIN_EXE_<name>` for integration tests, and the library path with target/'s folders first.
 */
export function harnessEnv(
  manifest: Manifest,
  base: Env,
  libraryDirs: readonly string[],
  binaries: Readonly<Record<string, string>> = {}
): Record<string, string | undefined> {
  const libVar = libraryPathVariable()
  const env: Record<string, string | undefined> = {
    ...base,
    ...packageEnv(manifest.package, manifest.rootDir, manifest.path),
    [libVar]: [...libraryDirs, base[libVar]].filter(Boolean).join(delimiter)
  }
  for (const [name, path] of Object.entries(binaries)) env[`CARGO_BIN_EXE_${name}`] = path
  return env
}
