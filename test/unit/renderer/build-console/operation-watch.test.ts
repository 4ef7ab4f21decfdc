import { QueryClient, type QueryKey } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import {
  applyEvents,
  initialOperationState,
  type OperationState
} from '../../../../src/renderer/src/features/build-console/operation-state'
import { watchFinishedOperations } from '../../../../src/renderer/src/features/build-console/model/operation-watch'

const key = (id: string): QueryKey => ['operation', id]
const isOperationKey = (k: QueryKey) => k[0] === 'operation'
const done: OperationEvent = { type: 'finished', success: true, elapsedMs: 20_000 }

let client: QueryClient
afterEach(() => client?.clear())

function setup() {
  client = new QueryClient()
  const finished: string[] = []
  const stop = watchFinishedOperations(client.getQueryCache(), isOperationKey, (op) =>
    finished.push(op.operationId)
  )
  const write = (id: string, events: readonly OperationEvent[]) =>
    client.setQueryData<OperationState>(key(id), (old) =>
      applyEvents(old ?? initialOperationState(id, 0), events)
    )
  return { finished, stop, write }
}

describe('watchFinishedOperations', () => {
  it('reports an operation once, when it goes from running to finished', () => {
    const { finished, write } = setup()
    write('a', [{ type: 'status', verb: 'Compiling', detail: 'a' }])
    expect(finished).toEqual([])
    write('a', [done])
    write('a', [{ type: 'output', source: 'program', stream: 'stdout', text: 'late\n' }])
    expect(finished).toEqual(['a'])
  })

  it('does not report an operation first seen already finished', () => {
    const { finished, write } = setup()
    write('old', [done])
    expect(finished).toEqual([])
  })

  it('tells operations apart and ignores other cache entries', () => {
    const { finished, write } = setup()
    write('a', [{ type: 'status', verb: 'Compiling', detail: 'a' }])
    write('b', [{ type: 'status', verb: 'Compiling', detail: 'b' }])
    client.setQueryData(['latest-operation', '/p/Cargo.toml'], 'b')
    write('b', [done])
    write('a', [done])
    expect(finished).toEqual(['b', 'a'])
  })

  it('stops when unsubscribed', () => {
    const { finished, stop, write } = setup()
    write('a', [{ type: 'status', verb: 'Compiling', detail: 'a' }])
    stop()
    write('a', [done])
    expect(finished).toEqual([])
  })
})
