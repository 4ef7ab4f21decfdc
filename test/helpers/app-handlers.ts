/**
 * The app's handlers over real services, called the way a shell calls them (raw input, parsed by
 * the contract), with the operation events they publish collected: what tests of trust, bad
 * input and the git panel drive instead of a window.
 */
import { expect } from 'vitest'
import { createHandlers, type ShellAdapter } from '../../src/main/handlers'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createServices } from '../../src/main/services/create-services'
import type { PushEvent, PushEvents } from '../../src/shared/ipc/contract'
import type { OperationEvent } from '../../src/shared/models/build'
import type { Result } from '../../src/shared/ipc/result'

/** Browser mode's shell: no native picker, and the page's own trust question was the user's yes. */
export const BROWSER_SHELL: ShellAdapter = {
  mode: 'browser',
  version: '0.0.0',
  pickFolder: () => Promise.resolve(null),
  confirmTrust: () => Promise.resolve(true),
  confirmSetting: () => Promise.resolve(true),
  openPath: () => Promise.resolve(),
  revealPath: () => Promise.resolve(),
  applyTheme: () => {}
}

/** One push, narrowed by its event name. */
export type Pushed = {
  readonly [E in PushEvent]: { readonly event: E; readonly payload: PushEvents[E] }
}[PushEvent]

export function appHandlers(o: {
  readonly configDir: string
  readonly cacheDir?: string
  readonly shell?: Partial<ShellAdapter>
}) {
  const pushed: Pushed[] = []
  const services = createServices({
    configDir: o.configDir,
    ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}),
    publish: (event, payload) => pushed.push({ event, payload } as Pushed)
  })
  const handlers = createHandlers(services, { ...BROWSER_SHELL, ...o.shell })
  /** Calls a channel the way a shell does: raw input, parsed by the contract's schema. */
  const call = <T = unknown>(channel: string, input: unknown) =>
    dispatch(handlers, channel, input) as Promise<Result<T>>
  /** The value of a successful call; a failure fails the test with its message. */
  const ok = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const r = await call<T>(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
    return r.value
  }
  /** The `finished` event of an operation, once it came. */
  const finished = async (operationId: string) => {
    let done: OperationEvent | undefined
    await expect
      .poll(
        () =>
          (done = pushed
            .flatMap((p) => (p.event === 'operationEvents' ? [p.payload] : []))
            .filter((b) => b.operationId === operationId)
            .flatMap((b) => b.events)
            .find((e) => e.type === 'finished')),
        { timeout: 120_000 }
      )
      .toBeDefined()
    return done!
  }
  return { services, handlers, pushed, call, ok, finished }
}
