/** A workspace's shared crates, and promoting one to `[workspace.dependencies]`. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../lib/api'
import { queryKeys } from './query-keys'

/** Which members use which crate, in which versions (resolving writes Cargo.lock, as cargo tree does). */
export function useWorkspaceDependencies(rootManifest: string) {
  return useQuery({
    queryKey: queryKeys.workspaceDependencies(rootManifest),
    queryFn: () => api.workspaceDependencies({ manifestPath: rootManifest }),
    // Resolving can fetch and writes Cargo.lock: once per change, not on every visit to the tab.
    staleTime: Infinity
  })
}

/** What a promotion would change; nothing is written. */
export function usePromotionPreview() {
  return useMutation({ mutationFn: api.previewPromotion })
}

/** Writes a previewed promotion, then re-reads the project and the shared crates. */
export function useApplyPromotion(rootManifest: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.applyPromotion,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['project'] })
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaceDependencies(rootManifest) })
      void queryClient.invalidateQueries({ queryKey: ['dependency-graph'] })
    }
  })
}
