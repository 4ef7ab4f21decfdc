import type { ErrorCode, ErrorDetails } from '@shared/ipc/result'

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
