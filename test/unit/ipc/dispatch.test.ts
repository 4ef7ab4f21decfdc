import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'

describe('dispatch', () => {
  const handlers = { cancelOperation: () => Promise.resolve({ cancelled: true }) } as unknown as Handlers

  it('refuses channels that are not in the contract, including inherited names', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(handlers, name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' }
      })
    }
  })

  it('validates ids strictly', async () => {
    expect(await dispatch(handlers, 'cancelOperation', { operationId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(
      await dispatch(handlers, 'cancelOperation', { operationId: '3b241101-e2bb-4255-8caf-4136c566a962' })
    ).toEqual({
      ok: true,
      value: { cancelled: true }
    })
  })
})
