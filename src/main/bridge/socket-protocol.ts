/**
 * The server side of the bridge's wire format (see @shared/ipc/bridge-protocol). The page is
 * untrusted, so every frame is checked here before anything else looks at it.
 */
import {
  isMessageId,
  isRecord,
  type EventMessage,
  type InvokeMessage,
  type ResultMessage
} from '@shared/ipc/bridge-protocol'
import type { PushEvent, PushEvents } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'

/** Frames above this size close the socket (ws `maxPayload`); real inputs are far smaller. */
export const MAX_FRAME_BYTES = 1024 * 1024

const MAX_CHANNEL_LENGTH = 200

const INVOKE_FIELDS: ReadonlySet<string> = new Set<keyof InvokeMessage>(['type', 'id', 'channel', 'input'])

export type ClientMessage =
  | { readonly kind: 'invoke'; readonly id: number; readonly channel: string; readonly input: unknown }
  /** Not a valid invoke. `id` is set when the frame had a usable one, so the page can be told. */
  | { readonly kind: 'malformed'; readonly id: number | null; readonly reason: string }

/** Parses one text frame; never throws. */
export function parseClientMessage(text: string): ClientMessage {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { kind: 'malformed', id: null, reason: 'the frame is not JSON' }
  }
  if (!isRecord(data)) return { kind: 'malformed', id: null, reason: 'the frame is not a JSON object' }
  const id = isMessageId(data.id) ? data.id : null
  if (id === null) return { kind: 'malformed', id: null, reason: '"id" must be a non-negative integer' }
  if (data.type !== 'invoke') return { kind: 'malformed', id, reason: '"type" must be "invoke"' }
  if (
    typeof data.channel !== 'string' ||
    data.channel.length === 0 ||
    data.channel.length > MAX_CHANNEL_LENGTH
  ) {
    return { kind: 'malformed', id, reason: '"channel" must be a non-empty string' }
  }
  const extra = Object.keys(data).find((key) => !INVOKE_FIELDS.has(key))
  if (extra !== undefined)
    return { kind: 'malformed', id, reason: `unexpected field "${extra.slice(0, 50)}"` }
  return { kind: 'invoke', id, channel: data.channel, input: data.input }
}

/** The answer to one invoke. */
export function resultMessage(id: number, result: Result<unknown>): ResultMessage {
  return { type: 'result', id, result }
}

/** A push event for every open page. */
export function eventMessage<E extends PushEvent>(event: E, payload: PushEvents[E]): EventMessage<E> {
  return { type: 'event', event, payload }
}
