/**
 * The browser bridge's wire format, shared by the server (src/main/bridge) and the page's
 * transport (renderer/lib/bridge-transport.ts). Every frame is one JSON text message: the page
 * sends `{ type: 'invoke', id, channel, input }`; the server answers `{ type: 'result', id, result }`
 * and pushes `{ type: 'event', event, payload }`. Neither side trusts the other's frames, so
 * both check shapes with the guards below before using them.
 */
import type { PushEvent, PushEvents } from './contract'
import type { Result } from './result'

/** Page → server: call `channel`; the answer carries the same `id`. */
export interface InvokeMessage {
  readonly type: 'invoke'
  readonly id: number
  readonly channel: string
  readonly input: unknown
}

/** Server → page: the answer to the invoke with this `id`. */
export interface ResultMessage {
  readonly type: 'result'
  readonly id: number
  readonly result: Result<unknown>
}

/** Server → page: a push event for every open page. */
export interface EventMessage<E extends PushEvent = PushEvent> {
  readonly type: 'event'
  readonly event: E
  readonly payload: PushEvents[E]
}

/** Everything the server sends. */
export type ServerMessage = ResultMessage | EventMessage

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Message ids are non-negative safe integers. */
export function isMessageId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** The `Result` envelope: `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false
  if (value.ok === true) return true
  return (
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.code === 'string' &&
    typeof value.error.message === 'string'
  )
}
