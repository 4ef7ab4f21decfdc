import type { ErrorLogger } from '../ipc/dispatch'

/** What the HTTP and upgrade handlers need to know about the running bridge. */
export interface BridgeContext {
  readonly token: string
  /** The renderer directory with symlinks resolved. */
  readonly rootReal: string
  readonly logError: ErrorLogger
  /** The bound port; read per request because it is known only after listening. */
  port(): number
}
