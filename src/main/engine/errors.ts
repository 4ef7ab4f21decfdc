import type { AppError, ErrorCode, ErrorDetails } from '@shared/ipc/result'

/**
 * The engine's one error type for expected failures: a code the UI can branch on, a message
 * that says what is wrong, and where (file, line) plus how to fix it (hint).
 * Anything else thrown from the engine is a bug.
 */
export class EngineError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'EngineError'
    this.code = code
    this.details = details
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError
}

/** Node's errno codes for "the thing is not there". */
export function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e.code === 'ENOENT' || e.code === 'ENOTDIR')
}

/** Receives the unexpected errors (bugs) that `toAppError` hides behind an `internal` code. */
export type ErrorLogger = (context: string, error: unknown) => void

/**
 * Expected failures keep their code and details; anything else becomes an `internal` error.
 * Lives here, not in a shell, because services and the engine report errors as values too.
 */
export function toAppError(e: unknown, context: string, logError: ErrorLogger = () => {}): AppError {
  if (isEngineError(e)) return { code: e.code, message: e.message, details: e.details }
  logError(context, e)
  const message = e instanceof Error ? e.message : String(e)
  return { code: 'internal', message: `Internal error in ${context}: ${message}` }
}
