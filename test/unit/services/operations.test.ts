import { describe, expect, it } from 'vitest'
import type { OperationEventBatch } from '../../../src/shared/models/build'
import { EngineError } from '../../../src/main/engine/errors'
import { OperationStore } from '../../../src/main/services/operations'

function store() {
  const batches: OperationEventBatch[] = []
  const ops = new OperationStore((event, payload) => {
    if (event === 'operationEvents') batches.push(payload as OperationEventBatch)
  })
  const finished = () =>
    new Promise<OperationEventBatch>((resolve) => {
      const check = () => {
        const last = batches.at(-1)
        if (last?.events.at(-1)?.type === 'finished') resolve(last)
        else setTimeout(check, 5)
      }
      check()
    })
  return { ops, batches, finished }
}

describe('operations', () => {
  it('batches events and always ends with one finished event', async () => {
    const { ops, batches, finished } = store()
    const handle = ops.start('build', ({ emit }) => {
      for (let i = 0; i < 500; i++)
        emit({ type: 'output', source: 'rustc', stream: 'stderr', text: `line ${i}\n` })
      return Promise.resolve({ success: true })
    })
    await finished()
    const events = batches.flatMap((b) => b.events)
    expect(batches.every((b) => b.operationId === handle.operationId)).toBe(true)
    expect(batches.length).toBeLessThan(10)
    expect(events).toHaveLength(501)
    expect(events.at(-1)).toMatchObject({ type: 'finished', success: true })
  })

  it('reports an engine error as the finished error, with its details', async () => {
    const { ops, finished } = store()
    ops.start('build', () =>
      Promise.reject(new EngineError('manifest-invalid', 'bad edition', { file: '/p/Cargo.toml', line: 3 }))
    )
    const last = await finished()
    expect(last.events.at(-1)).toMatchObject({
      type: 'finished',
      success: false,
      error: { code: 'manifest-invalid', message: 'bad edition', details: { file: '/p/Cargo.toml', line: 3 } }
    })
  })

  it('cancel aborts the signal and the operation finishes as cancelled', async () => {
    const { ops, finished } = store()
    const handle = ops.start(
      'run',
      ({ signal }) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve({ success: false })))
    )
    await new Promise((r) => setTimeout(r, 10))
    expect(ops.activeCount).toBe(1)
    expect(ops.cancel(handle.operationId)).toBe(true)
    const last = await finished()
    expect(last.events.at(-1)).toMatchObject({
      type: 'finished',
      success: false,
      error: { code: 'cancelled' }
    })
    expect(ops.activeCount).toBe(0)
    expect(ops.cancel(handle.operationId)).toBe(false)
  })
})
