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
  /** Ask rustc for ANSI-coloured renderings (the console, a colour terminal), or plain ones (JSON). */
  readonly colourDiagnostics: boolean
  readonly sink: EventSink
  readonly signal?: AbortSignal
  nextDiagnosticId(): number
}
