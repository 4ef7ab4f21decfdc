/**
 * The open WebSockets of browser tabs. Sockets join only after the upgrade passed the Host,
 * Origin and token checks, so every socket here may invoke handlers and receive push events.
 * Calls go through `dispatch`, the same validation and error envelope Electron IPC uses.
 */
import type { Publish, PushEvent, PushEvents } from '@shared/ipc/contract'
import { fail, type Result } from '@shared/ipc/result'
import type { RawData, WebSocket } from 'ws'
import { dispatch, type ErrorLogger, type Handlers } from '../ipc/dispatch'
import { eventMessage, parseClientMessage, resultMessage } from './socket-protocol'

export interface SocketHub {
  /** Starts serving an authenticated socket until it closes. */
  attach(socket: WebSocket): void
  /** Sends a push event to every open socket. */
  readonly publish: Publish
  /** Drops every socket at once (server shutdown). */
  terminateAll(): void
}

const OPEN = 1

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}

/** Creates the hub that runs `handlers` for every attached socket. */
export function createSocketHub(handlers: Handlers, logError: ErrorLogger): SocketHub {
  const sockets = new Set<WebSocket>()

  function send(socket: WebSocket, text: string): void {
    if (socket.readyState !== OPEN) return
    socket.send(text, (error) => {
      if (error) logError('bridge:send', error)
    })
  }

  function reply(socket: WebSocket, id: number, result: Result<unknown>): void {
    let text: string
    try {
      text = JSON.stringify(resultMessage(id, result))
    } catch (error) {
      logError('bridge:serialize', error)
      text = JSON.stringify(resultMessage(id, fail('internal', 'The answer could not be serialized.')))
    }
    send(socket, text)
  }

  async function onFrame(socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) return
    const message = parseClientMessage(rawText(data))
    if (message.kind === 'malformed') {
      if (message.id !== null)
        reply(socket, message.id, fail('invalid-input', `Malformed message: ${message.reason}.`))
      return
    }
    const result = await dispatch(handlers, message.channel, message.input, logError)
    reply(socket, message.id, result)
  }

  function attach(socket: WebSocket): void {
    sockets.add(socket)
    socket.on('message', (data, isBinary) => {
      onFrame(socket, data, isBinary).catch((error: unknown) => logError('bridge:message', error))
    })
    // ws reports protocol violations (e.g. a frame above maxPayload) here, then closes the socket.
    socket.on('error', (error) => logError('bridge:socket', error))
    socket.on('close', () => sockets.delete(socket))
  }

  const publish: Publish = <E extends PushEvent>(event: E, payload: PushEvents[E]) => {
    let text: string
    try {
      text = JSON.stringify(eventMessage(event, payload))
    } catch (error) {
      logError(`bridge:publish:${event}`, error)
      return
    }
    for (const socket of sockets) send(socket, text)
  }

  function terminateAll(): void {
    for (const socket of sockets) socket.terminate()
    sockets.clear()
  }

  return { attach, publish, terminateAll }
}
