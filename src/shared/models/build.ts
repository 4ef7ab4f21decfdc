import type { AppError } from '../ipc/result'
import type { Diagnostic } from './diagnostic'
import type { TargetKind } from './package'

export type ProfileName = 'dev' | 'release'

/**
 * What a unit does: compile a target, compile a package's build script (`custom-build`), run
 * that script (`run-custom-build`), or run the 2014 build command.
 */
export type UnitKind = TargetKind | 'custom-build' | 'run-custom-build' | 'build-command'

/** One step of a build plan: a rustc invocation, a build-script run, or the 2014 build command. */
export interface UnitSummary {
  readonly id: string
  readonly packageName: string
  readonly packageVersion: string
  readonly targetName: string
  readonly kind: UnitKind
  /** Ids of the units this one waits for (dependencies come earlier in the plan). */
  readonly deps: readonly string[]
  /** Built for the machine running the build (build scripts, proc-macros and their deps). */
  readonly forHost: boolean
}

/**
 * `fresh`: up to date, nothing ran. `skipped`: never started because something it needs failed.
 */
export type UnitOutcome = 'done' | 'fresh' | 'failed' | 'cancelled' | 'skipped'

/** One test of a libtest harness, as the harness reported it. */
export type TestOutcome = 'ok' | 'failed' | 'ignored'

/** A test harness's tally ("test result: ok. 3 passed; 0 failed; …"). */
export interface TestSuiteSummary {
  /** The harness, as cargo names it: "unittests src/lib.rs", "tests/it.rs", "Doc-tests demo". */
  readonly suite: string
  readonly passed: number
  readonly failed: number
  readonly ignored: number
  readonly measured: number
  readonly filteredOut: number
  readonly elapsedMs?: number
}

/** A cargo-style status line: a right-aligned verb and its detail ("Compiling demo v0.1.0 (/p)"). */
export type StatusVerb =
  | 'Compiling'
  | 'Running'
  // A library's doc tests, run by rustdoc after the harnesses.
  | 'Doc-tests'
  | 'Finished'
  | 'Blocking'
  | 'Creating'
  | 'Serving'
  // Resolving before a build: git fetches and what changed in Cargo.lock.
  | 'Updating'
  | 'Locking'
  | 'Adding'
  | 'Downgrading'
  // With -v, as cargo: why a unit runs again, and packages that were up to date.
  | 'Dirty'
  | 'Fresh'
  | 'Removed'
  | 'Summary'

export type OutputSource = 'rustc' | 'build-script' | 'build-command' | 'program'

export type MessageLevel = 'error' | 'warning' | 'note'

/** Everything a long operation reports, in order. The UI and the CLI render the same events. */
export type OperationEvent =
  | { readonly type: 'planned'; readonly units: readonly UnitSummary[] }
  | {
      readonly type: 'unit-started'
      readonly unitId: string
      /** Milliseconds since the build started. */
      readonly at: number
      /** Why it runs again ("src/main.rs changed"); absent for a first build. */
      readonly reason?: string
    }
  /** The unit's metadata (.rmeta) is written: pipelined dependents may start now. */
  | { readonly type: 'unit-metadata'; readonly unitId: string; readonly at: number }
  | {
      readonly type: 'unit-finished'
      readonly unitId: string
      readonly at: number
      readonly outcome: UnitOutcome
    }
  | {
      readonly type: 'status'
      readonly verb: StatusVerb
      readonly detail: string
      readonly warning?: boolean
      /** Detail cargo prints only with `-v`: why a unit rebuilt, fresh packages, commands run. */
      readonly verbose?: boolean
      /** What `-v` prints instead of `detail`: a test harness's command line for its label. */
      readonly verboseDetail?: string
      /** The unit it is about, when it is about one. */
      readonly unitId?: string
    }
  | { readonly type: 'diagnostic'; readonly diagnostic: Diagnostic }
  | {
      readonly type: 'output'
      readonly source: OutputSource
      readonly stream: 'stdout' | 'stderr'
      readonly text: string
      /** The unit that produced it, when a unit did (rustc, a build command). */
      readonly unitId?: string
    }
  /** One of cargo's own lines ("could not compile `x`", "`x` generated 2 warnings"), as data. */
  | {
      readonly type: 'message'
      readonly level: MessageLevel
      readonly text: string
      readonly unitId?: string
    }
  /** One test finished; `output` is what it printed when it failed. */
  | {
      readonly type: 'test-result'
      readonly suite: string
      readonly name: string
      readonly outcome: TestOutcome
      readonly output?: string
    }
  | { readonly type: 'test-suite-finished'; readonly summary: TestSuiteSummary }
  | { readonly type: 'program-exited'; readonly exitCode: number | null; readonly signal: string | null }
  | {
      readonly type: 'finished'
      readonly success: boolean
      readonly elapsedMs: number
      readonly error?: AppError
    }

/** Batches keep the renderer responsive while rustc floods the console. */
export interface OperationEventBatch {
  readonly operationId: string
  readonly events: readonly OperationEvent[]
}

export type OperationKind = 'build' | 'run' | 'test'

export interface OperationHandle {
  readonly operationId: string
  readonly kind: OperationKind
}
