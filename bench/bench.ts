/** What a benchmark is: a name, an optional target for its median, and the work to time. */
export interface Bench {
  readonly name: string
  /** One line for the table: what one timed run does. */
  readonly what: string
  /** The median must stay at or under this, in milliseconds. */
  readonly targetMs?: number
  /** Timed runs after warm-up (default 200). */
  readonly runs?: number
  /** Untimed set-up; returns the function one run calls (sync or async). */
  prepare(): Promise<() => unknown> | (() => unknown)
  /** Untimed clean-up after the runs (a browser to close), when prepare started something. */
  dispose?(): Promise<void> | void
}
