/**
 * The one place raw `ipcMain` handlers are registered. Every channel goes through the same
 * wrapper: check the sender, then `dispatch` (schema parse + result envelope). No handler
 * can forget either step.
 */
import { invokeContract, type Channel } from '@shared/ipc/contract'
import { fail } from '@shared/ipc/result'
import { wireChannel } from '@shared/ipc/wire'
import { originOf } from '../url-origin'
import { dispatch, type ErrorLogger, type Handlers } from './dispatch'

/** The parts of Electron's IpcMainInvokeEvent the wrapper reads (kept structural for tests). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
  readonly sender: { readonly id: number }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export type SenderPolicy = (event: InvokeEventLike) => boolean

/** Trusts top-level frames whose URL has one of the app's own origins (app:// or the dev server). */
export function trustOrigins(origins: readonly string[]): SenderPolicy {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    const origin = originOf(frame.url)
    return origin !== undefined && origins.includes(origin)
  }
}

export function registerHandlers(
  ipc: IpcMainLike,
  handlers: Handlers,
  isTrusted: SenderPolicy,
  logError: ErrorLogger = () => {}
): () => void {
  const channels = Object.keys(invokeContract) as Channel[]
  for (const channel of channels) {
    ipc.handle(wireChannel(channel), async (event, input) => {
      if (!isTrusted(event)) {
        return fail(
          'forbidden-sender',
          `Refused ${channel}: the request did not come from Crate Studio's own window.`
        )
      }
      return dispatch(handlers, channel, input, logError)
    })
  }
  return () => channels.forEach((c) => ipc.removeHandler(wireChannel(c)))
}
