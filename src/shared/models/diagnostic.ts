/** A compiler message reduced to what the console lists and jumps to. */

export type DiagnosticLevel = 'error' | 'warning' | 'note' | 'help' | 'failure-note' | 'ice'

export interface DiagnosticLocation {
  /** Absolute path of the file, so "open in editor" needs no further context. */
  readonly file: string
  readonly line: number
  readonly column: number
}

/** A `help:`/`note:` beneath a message; with a suggestion, the text rustc proposes to put at `location`. */
export interface DiagnosticChild {
  readonly level: DiagnosticLevel
  readonly message: string
  readonly location?: DiagnosticLocation
  /** rustc's suggested replacement for the span (may be empty: "remove this"). */
  readonly replacement?: string
}

export interface Diagnostic {
  /** Unique within one operation, so the console can scroll to it. */
  readonly id: number
  readonly level: DiagnosticLevel
  readonly message: string
  readonly code?: string
  /** rustc's own rendering, with ANSI colours. */
  readonly rendered?: string
  readonly location?: DiagnosticLocation
  /** rustc's notes and help, with their suggested fixes. */
  readonly children?: readonly DiagnosticChild[]
  /** The unit that was compiling when the message appeared. */
  readonly unitId?: string
  /** The crate being compiled when the message appeared. */
  readonly packageName?: string
  readonly targetName?: string
}
