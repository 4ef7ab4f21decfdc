/**
 * `window.api`'s transport in browser mode (`crate-studio web`): invokes and push events over
 * one WebSocket to the bridge. The HttpOnly cookie set on page load authenticates the socket,
 * so no secret lives in page script. Results keep the same envelope as Electron IPC, and a
 * lost connection becomes an error result rather than a promise that never settles. The
 * frames are those of @shared/ipc/bridge-protocol.
 */
import { isMessageId, isRecord, isResult, type InvokeMessage } from '@shared/ipc/bridge-protocol'
import type { Channel, ChannelOutput, PushEvent, PushEvents, Unsubscribe } from '@shared/ipc/contract'
import type { Transport } from '@shared/ipc/create-api'
import { fail, type Result } from '@shared/ipc/result'

/** The parts of a WebSocket the transport uses: the browser's, or the `ws` package's in Node tests. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

export interface ReconnectOptions {
  /** Delay before the first reconnect; doubles per failed attempt. */
  readonly initialDelayMs?: number
  readonly maxDelayMs?: number
}

/** A Transport that can also be shut down for good (tests, page unload). */
export interface WebSocketTransport extends Transport {
  /** Closes the socket, stops reconnecting and fails calls still waiting. */
  close(): void
}

/** What in-flight calls resolve to when the socket closes before they are answered. */
export const LOST_CONNECTION_MESSAGE =
  'Lost the connection to Crate Studio. Check that `crate-studio web` is still running; the page reconnects on its own.'

const OPEN = 1

type Settle = (result: Result<unknown>) => void

function browserWebSocket(): WebSocketConstructor {
  const impl = (globalThis as { WebSocket?: unknown }).WebSocket
  if (typeof impl !== 'function') throw new Error('This browser has no WebSocket support.')
  return impl as WebSocketConstructor
}

/** Rethrows a subscriber's error outside the transport, so one bad listener cannot stop the rest. */
function reportLater(error: unknown): void {
  setTimeout(() => {
    throw error
  })
}

/**
 * Creates the transport for `url` (e.g. `ws://${location.host}/ws`). Connects on the first call
 * or subscription, queues calls until the socket is open, and reconnects with exponential backoff.
 */
export function createWebSocketTransport(
  url: string,
  WebSocketImpl: WebSocketConstructor = browserWebSocket(),
  options: ReconnectOptions = {}
): WebSocketTransport {
  const initialDelayMs = options.initialDelayMs ?? 250
  const maxDelayMs = options.maxDelayMs ?? 5000
  const pending = new Map<number, Settle>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let outbox: string[] = []
  let socket: WebSocketLike | null = null
  let isOpen = false
  let stopped = false
  let failedAttempts = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let nextId = 1

  function failPending(message: string): void {
    const settles = [...pending.values()]
    pending.clear()
    outbox = []
    for (const settle of settles) settle(fail('internal', message))
  }

  function deliver(event: string, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload)
      } catch (error) {
        reportLater(error)
      }
    }
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return
    let message: unknown
    try {
      message = JSON.parse(data)
    } catch {
      return
    }
    if (!isRecord(message)) return
    if (message.type === 'result' && isMessageId(message.id)) {
      const settle = pending.get(message.id)
      if (!settle) return
      pending.delete(message.id)
      settle(
        isResult(message.result) ? message.result : fail('internal', 'Crate Studio sent a malformed answer.')
      )
    } else if (message.type === 'event' && typeof message.event === 'string') {
      deliver(message.event, message.payload)
    }
  }

  function send(frame: string): void {
    try {
      socket?.send(frame)
    } catch {
      // The socket is closing; its close event fails the call.
    }
  }

  function scheduleReconnect(): void {
    if (stopped || retryTimer !== undefined) return
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** failedAttempts)
    failedAttempts += 1
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      connect()
    }, delay)
  }

  function connect(): void {
    if (stopped || socket !== null) return
    if (retryTimer !== undefined) {
      clearTimeout(retryTimer)
      retryTimer = undefined
    }
    let current: WebSocketLike
    try {
      current = new WebSocketImpl(url)
    } catch {
      failPending(LOST_CONNECTION_MESSAGE)
      scheduleReconnect()
      return
    }
    socket = current
    current.addEventListener('open', () => {
      if (socket !== current) return
      isOpen = true
      failedAttempts = 0
      const frames = outbox
      outbox = []
      for (const frame of frames) send(frame)
    })
    current.addEventListener('message', (event) => {
      if (socket === current) onMessage(event.data)
    })
    // A close always follows an error; the close handler does the work.
    current.addEventListener('error', () => {})
    current.addEventListener('close', () => {
      if (socket !== current) return
      socket = null
      isOpen = false
      failPending(LOST_CONNECTION_MESSAGE)
      scheduleReconnect()
    })
  }

  function invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>> {
    if (stopped) return Promise.resolve(fail('internal', LOST_CONNECTION_MESSAGE))
    const id = nextId++
    let frame: string
    try {
      const message: InvokeMessage = { type: 'invoke', id, channel, input }
      frame = JSON.stringify(message)
    } catch {
      return Promise.resolve(fail('invalid-input', `The input for ${channel} cannot be sent (not JSON).`))
    }
    return new Promise<Result<ChannelOutput<C>>>((resolve) => {
      pending.set(id, resolve as Settle)
      if (isOpen && socket?.readyState === OPEN) {
        send(frame)
      } else {
        outbox.push(frame)
        // A call is worth an immediate attempt, without waiting out the backoff.
        connect()
      }
    })
  }

  function subscribe<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): Unsubscribe {
    const set = listeners.get(event) ?? new Set()
    const entry = listener as (payload: unknown) => void
    set.add(entry)
    listeners.set(event, set)
    if (socket === null && retryTimer === undefined) connect()
    return () => {
      set.delete(entry)
    }
  }

  function close(): void {
    stopped = true
    if (retryTimer !== undefined) clearTimeout(retryTimer)
    retryTimer = undefined
    const current = socket
    socket = null
    isOpen = false
    failPending(LOST_CONNECTION_MESSAGE)
    current?.close()
  }

  return { invoke, subscribe, close }
}
