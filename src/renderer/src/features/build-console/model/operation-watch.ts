/**
 * Finds the moment each operation finishes by watching react-query's cache, where the event
 * subscription folds every operation. Kept apart from the notification hook so it runs in tests.
 */
import type { QueryCache, QueryKey } from '@tanstack/react-query'
import type { OperationState } from '../operation-state'

/**
 * Calls `onFinished` once for each operation seen running that then finished. Operations
 * first seen already finished (from before the watch began) are not reported.
 */
export function watchFinishedOperations(
  cache: QueryCache,
  isOperationKey: (key: QueryKey) => boolean,
  onFinished: (op: OperationState) => void
): () => void {
  const running = new Set<string>()
  return cache.subscribe((event) => {
    if (event.type !== 'added' && event.type !== 'updated') return
    if (!isOperationKey(event.query.queryKey as QueryKey)) return
    const op = event.query.state.data as OperationState | undefined
    if (!op) return
    if (op.result === undefined) running.add(op.operationId)
    else if (running.delete(op.operationId)) onFinished(op)
  })
}
