import type { RustcInfo } from '../tools/rustc'
import type { BuildScriptOutput } from './build-script/build-output'
import type { EventSink } from './events'
import type { Layout } from './layout'
import type { UnitLto } from './profile'
import type { Unit } from './unit'

/** The mutable side of a build: where events go, how to cancel, and shared counters. */
export interface RunContext {
  readonly layout: Layout
  readonly cwd: string
  /** The inherited environment with `[env]` applied. */
  readonly baseEnv: Readonly<Record<string, string | undefined>>
  /** The compiler, with the cfg of the platform target units are built for (RUSTFLAGS applied). */
  readonly rustc: RustcInfo
  /**
   * The host's `rustc --print cfg` when the build names a target (`layout.triple`): what the
   * build scripts of host units see. Without a named target host units share the target's.
   */
  readonly hostCfg?: ReadonlyMap<string, readonly string[]>
  /** RUSTFLAGS and friends, appended to every rustc call for the target (see `unitRustflags`). */
  readonly rustflags: readonly string[]
  /** A program every rustc call goes through (`RUSTC_WRAPPER`, e.g. sccache). */
  readonly rustcWrapper?: string
  /** `target.<triple>.linker` (or a matching cfg table's) for units built for the target. */
  readonly linker?: string
  /** The host triple's linker, for host units when the build names a target (see `unitLinker`). */
  readonly hostLinker?: string
  /** Each unit's LTO, decided over the whole graph as cargo decides it. */
  readonly lto: ReadonlyMap<Unit, UnitLto>
  readonly jobs: number
  /** `CARGO_MAKEFLAGS` naming the build's jobserver, for the processes it starts (not fingerprinted). */
  jobserverEnv(): Promise<Readonly<Record<string, string>>>
  /** Ask rustc for ANSI-coloured renderings (the console, a colour terminal), or plain ones (JSON). */
  readonly colourDiagnostics: boolean
  readonly sink: EventSink
  readonly signal?: AbortSignal
  /** What each build script printed, by the id of the unit that ran it; filled as scripts finish. */
  readonly scriptOutputs: Map<string, BuildScriptOutput>
  nextDiagnosticId(): number
}
