/**
 * Builds, runs and test runs. Their live state is react-query cache entries under ['operation', id],
 * written only by the event subscription (see operation-events.ts) and read here.
 */
import { skipToken, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { OperationHandle } from '@shared/models/build'
import { api } from '../lib/api'
import { initialOperationState, type OperationState } from '../features/build-console/operation-state'
import { queryKeys } from './query-keys'

/** Read-only view of an operation's cache entry; nothing is ever fetched. */
export function useOperation(operationId: string | undefined) {
  return useQuery<OperationState>({
    queryKey: queryKeys.operation(operationId ?? ''),
    queryFn: skipToken,
    staleTime: Infinity,
    gcTime: 30 * 60_000
  })
}

/** The last operation started for a manifest (an id), if any. */
export function useLatestOperationId(manifestPath: string) {
  return useQuery<string>({
    queryKey: queryKeys.latestOperation(manifestPath),
    queryFn: skipToken,
    staleTime: Infinity,
    gcTime: Infinity
  }).data
}

/** Events may beat the handle back, so keep what they already wrote and only add the kind. */
function recordStart(queryClient: QueryClient, manifestPath: string, handle: OperationHandle): void {
  queryClient.setQueryData<OperationState>(queryKeys.operation(handle.operationId), (old) =>
    old ? { ...old, kind: handle.kind } : initialOperationState(handle.operationId, Date.now(), handle.kind)
  )
  queryClient.setQueryData(queryKeys.latestOperation(manifestPath), handle.operationId)
}

export function useStartBuild() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.startBuild,
    onSuccess: (handle, request) => recordStart(queryClient, request.manifestPath, handle)
  })
}

export function useStartRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.startRun,
    onSuccess: (handle, request) => recordStart(queryClient, request.manifestPath, handle)
  })
}

export function useStartTest() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.startTest,
    onSuccess: (handle, request) => recordStart(queryClient, request.manifestPath, handle)
  })
}

export function useCancelOperation() {
  return useMutation({ mutationFn: api.cancelOperation })
}
