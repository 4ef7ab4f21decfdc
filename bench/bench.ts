/** What a benchmark is: a name, an optional target for its median, and the work to time. */
export interface Bench {
  readonly name: string
  /** One line for the table: what one timed run does. */
  readonly what: string
  /** The median must stay at or under this, in milliseconds. */
  readonly targetMs?: number
  /** Timed runs after warm-up (default 200). */
  readonly runs?: number
  /** Untimed runs first, for ours and cargo's alike (default: a tenth of `runs`, at least 3). */
  readonly warmups?: number
  /** Untimed set-up; returns the function one run calls (sync or async). */
  prepare(): Promise<() => unknown> | (() => unknown)
  /**
   * The same work done by cargo, timed the same way right after ours: the table then prints
   * cargo's median and the ratio, and `maxRatio` is the target instead of `targetMs`.
   */
  readonly baseline?: { readonly name: string; prepare(): Promise<() => unknown> | (() => unknown) }
  /** With a baseline: ours may take at most this multiple of cargo's median. */
  readonly maxRatio?: number
  /**
   * With a baseline: alternate one run of ours and one of cargo's instead of all ours first, for
   * runs long enough that the machine's load drifts between them (builds).
   */
  readonly inTurns?: boolean
  /** Untimed clean-up after the runs (a browser to close), when prepare started something. */
  dispose?(): Promise<void> | void
  /**
   * Lines printed under the table after every bench ran: what a median cannot say (which fixture
   * or baseline was used, where the time went). Called after `dispose`.
   */
  notes?(): readonly string[]
}
