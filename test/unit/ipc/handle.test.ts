import { describe, expect, it } from 'vitest'
import { invokeContract } from '../../../src/shared/ipc/contract'
import { wireChannel } from '../../../src/shared/ipc/wire'
import type { Result } from '../../../src/shared/ipc/result'
import { EngineError } from '../../../src/main/engine/errors'
import type { Handlers } from '../../../src/main/ipc/dispatch'
import {
  registerHandlers,
  trustOrigins,
  type InvokeEventLike,
  type IpcMainLike
} from '../../../src/main/ipc/handle'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** ipcMain, mocked at the boundary: records handlers so the test can invoke them. */
function fakeIpc() {
  const handlers = new Map<string, Listener>()
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel)
  }
  const invoke = (
    channel: string,
    input: unknown,
    url = 'app://crate-studio/index.html',
    parent: unknown = null
  ) =>
    handlers.get(wireChannel(channel as never))!(
      { senderFrame: { url, parent }, sender: { id: 1 } },
      input
    ) as Promise<Result<unknown>>
  return { ipc, handlers, invoke }
}

const calls: unknown[] = []
const handlers = {
  openProject: (input: unknown) => {
    calls.push(input)
    return Promise.resolve({ opened: true })
  },
  listDirectory: () =>
    Promise.reject(new EngineError('not-found', 'Cannot list /nope', { hint: 'Choose another folder.' })),
  getToolchain: () => Promise.reject(new TypeError('boom'))
} as unknown as Handlers

describe('the IPC wrapper', () => {
  const { ipc, handlers: registered, invoke } = fakeIpc()
  const unregister = registerHandlers(ipc, handlers, trustOrigins(['app://crate-studio']))

  it('registers one namespaced handler per contract channel', () => {
    expect([...registered.keys()].sort()).toEqual(
      Object.keys(invokeContract)
        .map((c) => `crate-studio:${c}`)
        .sort()
    )
  })

  it('answers a valid call from the app window with ok', async () => {
    expect(await invoke('openProject', { path: '/home/me/demo' })).toEqual({
      ok: true,
      value: { opened: true }
    })
    expect(calls).toEqual([{ path: '/home/me/demo' }])
  })

  it.each([
    ['a foreign origin', 'https://evil.example/', null],
    ['a file:// page', 'file:///etc/passwd', null],
    ['a subframe of the app', 'app://crate-studio/index.html', {}],
    ['an unparsable URL', 'not a url', null]
  ])('refuses %s without calling the handler', async (_why, url, parent) => {
    calls.length = 0
    const r = await invoke('openProject', { path: '/x' }, url, parent)
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(calls).toEqual([])
  })

  it.each([
    ['a relative path', { path: 'relative/dir' }, /path must be an absolute path/],
    ['a missing field', {}, /path/],
    ['an extra field', { path: '/x', extra: 1 }, /extra/i],
    ['a NUL byte', { path: '/x\0y' }, /NUL/],
    ['a wrong type', { path: 42 }, /path/],
    ['no object at all', 'just a string', /input/]
  ])('refuses %s with invalid-input, and never calls the handler', async (_why, input, message) => {
    calls.length = 0
    const r = await invoke('openProject', input)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(r.ok ? '' : r.error.message).toMatch(message)
    expect(calls).toEqual([])
  })

  it('carries expected engine errors with their code and details', async () => {
    expect(await invoke('listDirectory', { path: '/nope' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Cannot list /nope', details: { hint: 'Choose another folder.' } }
    })
  })

  it('turns unexpected errors into `internal` without a stack trace', async () => {
    const r = await invoke('getToolchain', undefined)
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error in getToolchain: boom' }
    })
  })

  it('unregisters every channel', () => {
    unregister()
    expect(registered.size).toBe(0)
  })
})
