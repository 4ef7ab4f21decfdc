import type { AppError } from '../ipc/result'
import type { Diagnostic } from './diagnostic'
import type { TargetKind } from './package'

export type ProfileName = 'dev' | 'release'

/** One rustc invocation (or the 2014 build command) in a build plan. */
export interface UnitSummary {
  readonly id: string
  readonly packageName: string
  readonly packageVersion: string
  readonly targetName: string
  readonly kind: TargetKind | 'build-command'
}

/** `skipped`: never started because something it needs failed. */
export type UnitOutcome = 'done' | 'failed' | 'cancelled' | 'skipped'

/** A cargo-style status line: a right-aligned verb and its detail ("Compiling demo v0.1.0 (/p)"). */
export type StatusVerb =
  | 'Compiling'
  | 'Running'
  | 'Finished'
  | 'Blocking'
  | 'Creating'
  | 'Serving'
  // Resolving before a build: git fetches and what changed in Cargo.lock.
  | 'Updating'
  | 'Locking'
  | 'Adding'
  | 'Downgrading'

export type OutputSource = 'rustc' | 'build-command' | 'program'

export type MessageLevel = 'error' | 'warning' | 'note'

/** Everything a long operation reports, in order. The UI and the CLI render the same events. */
export type OperationEvent =
  | { readonly type: 'planned'; readonly units: readonly UnitSummary[] }
  | { readonly type: 'unit-started'; readonly unitId: string; readonly at: number }
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

export type OperationKind = 'build' | 'run'

export interface OperationHandle {
  readonly operationId: string
  readonly kind: OperationKind
}
