import type { RustcInfo } from '../tools/rustc'
import type { EventSink } from './events'
import type { Layout } from './layout'

/** The mutable side of a build: where events go, how to cancel, and shared counters. */
export interface RunContext {
  readonly layout: Layout
  readonly cwd: string
  readonly baseEnv: Readonly<Record<string, string | undefined>>
  readonly rustc: RustcInfo
  readonly jobs: number
  readonly sink: EventSink
  readonly signal?: AbortSignal
  readonly now: () => number
  nextDiagnosticId(): number
}
