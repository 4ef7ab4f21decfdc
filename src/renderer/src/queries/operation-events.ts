/**
 * The single subscription to operation events. Batches that arrive within one frame are
 * folded together, so a flood of rustc output costs one cache write (and one render) per frame.
 */
import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { OperationEvent } from '@shared/models/build'
import { onOperationEvents } from '../lib/api'
import {
  applyEvents,
  initialOperationState,
  type OperationState
} from '../features/build-console/operation-state'
import { queryKeys } from './query-keys'

const FLUSH_DELAY_MS = 16

export function subscribeToOperationEvents(queryClient: QueryClient): () => void {
  const pending = new Map<string, OperationEvent[]>()
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = (): void => {
    timer = undefined
    const now = Date.now()
    for (const [operationId, events] of pending) {
      queryClient.setQueryData<OperationState>(queryKeys.operation(operationId), (old) =>
        applyEvents(old ?? initialOperationState(operationId, now), events)
      )
    }
    pending.clear()
  }
  const unsubscribe = onOperationEvents((batch) => {
    const queued = pending.get(batch.operationId)
    if (queued) queued.push(...batch.events)
    else pending.set(batch.operationId, [...batch.events])
    timer ??= setTimeout(flush, FLUSH_DELAY_MS)
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
    flush()
  }
}

/** Mount once, at the root of the app. */
export function useOperationEventsSubscription(): void {
  const queryClient = useQueryClient()
  useEffect(() => subscribeToOperationEvents(queryClient), [queryClient])
}
