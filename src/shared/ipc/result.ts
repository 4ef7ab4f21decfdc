/**
 * Errors cross process boundaries as values: Electron keeps only the message of a thrown
 * error, so every call returns this envelope and the renderer revives it (renderer/lib/api.ts).
 */

/** Every error the app reports has one of these codes, so the UI can branch without parsing text. */
export type ErrorCode =
  | 'invalid-input'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'manifest-parse'
  | 'manifest-invalid'
  | 'not-found'
  | 'already-exists'
  | 'conflict'
  | 'invalid-name'
  | 'toolchain-missing'
  | 'build-failed'
  | 'cancelled'
  // The folder's code may not run until the user trusts it (workspace trust).
  | 'untrusted'
  | 'unsupported'
  | 'io'
  | 'internal'

/** Where an error points in the user's files, and what to do about it. */
export interface ErrorDetails {
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly hint?: string
  readonly issues?: readonly { readonly path: string; readonly message: string }[]
}

export interface AppError {
  readonly code: ErrorCode
  readonly message: string
  readonly details?: ErrorDetails
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ErrorCode, message: string, details?: ErrorDetails): Result<T> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } }
}

/** Renders an error as one human line: "file:line: message (hint)". Shared by the CLI and the UI. */
export function describeError(error: AppError): string {
  const d = error.details
  const where = d?.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : ''
  return `${where}${error.message}`
}
