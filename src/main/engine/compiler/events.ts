/**
 * What a build reports while it runs. The shared OperationEvents go to the UI and the CLI;
 * the two raw events below carry cargo-compatible detail for `--message-format json` and
 * never leave the main process.
 */
import type { MessageLevel, OperationEvent } from '@shared/models/build'
import { displayCommand } from '../tools/process-status'
import type { BuildScriptOutput } from './build-script/build-output'
import type { RustcDiagnostic } from './rustc-messages'
import type { Unit } from './unit'

export type EngineEvent =
  | OperationEvent
  | { readonly type: 'compiler-message'; readonly unit: Unit; readonly message: RustcDiagnostic }
  | {
      readonly type: 'compiler-artifact'
      readonly unit: Unit
      readonly filenames: readonly string[]
      readonly executable: string | null
      readonly fresh: boolean
    }
  | { readonly type: 'build-script-executed'; readonly unit: Unit; readonly output: BuildScriptOutput }

export type EventSink = (event: EngineEvent) => void

/** One of cargo's own lines, as a typed message rather than pre-coloured text. */
export function emitMessage(sink: EventSink, level: MessageLevel, text: string, unitId?: string): void {
  sink({ type: 'message', level, text, ...(unitId ? { unitId } : {}) })
}

/** cargo's -v line for a process it starts: ``Running `rustc --crate-name …` ``. */
export function runningStatus(program: string, args: readonly string[]) {
  return {
    type: 'status',
    verb: 'Running',
    detail: `\`${displayCommand(program, args)}\``,
    verbose: true
  } as const
}

/** The events the renderer sees: everything except the raw, main-only ones. */
export function isOperationEvent(e: EngineEvent): e is OperationEvent {
  return e.type !== 'compiler-message' && e.type !== 'compiler-artifact' && e.type !== 'build-script-executed'
}
