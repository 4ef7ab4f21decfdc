/** Turns an HTTP status the sparse source cannot use into an `EngineError` with a useful hint. */
import { EngineError } from '../../errors'
import type { HttpResponse } from './http-client'

function hintFor(status: number): string {
  if (status === 401 || status === 403)
    return 'The registry wants credentials; Crate Studio does not send registry tokens yet.'
  if (status === 429) return 'The registry is rate-limiting requests; wait a little and try again.'
  if (status >= 500) return 'The registry had a server error; try again later.'
  return 'Check the registry URL in the configuration.'
}

/** Codes cargo reads as "no such file": the package does not exist (or was removed). */
export function isNotFoundStatus(status: number): boolean {
  return status === 404 || status === 410 || status === 451
}

export function httpStatusError(url: string, res: HttpResponse): EngineError {
  const text = res.statusText ? ` ${res.statusText}` : ''
  return new EngineError('io', `Failed to fetch ${url}: HTTP ${res.status}${text}.`, {
    hint: hintFor(res.status)
  })
}
