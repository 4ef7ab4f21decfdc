/**
 * The git panel's server state: the list (what Cargo.lock pins), the upstream check (a fetch per
 * source), Update and the pin preview, plus the latest progress pushed while any of them runs.
 * The keys sit under the dependency graph's, so whatever re-resolves the graph (a saved
 * manifest, an update) refreshes the panel too.
 */
import { useIsFetching, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { api, onGitDependencyProgress } from '../../lib/api'
import { queryKeys } from '../../queries/query-keys'
import { canUpdate } from './model/git-panel-status'

export const gitPanelKeys = {
  list: (manifestPath: string) => [...queryKeys.dependencyGraph(manifestPath), 'git'] as const,
  upstream: (manifestPath: string) => [...queryKeys.dependencyGraph(manifestPath), 'git-upstream'] as const
}

/** The latest progress message for this project while `busy`; cleared when the work ends. */
function useProgress(manifestPath: string, busy: boolean): string | undefined {
  const [message, setMessage] = useState<string | undefined>()
  const [wasBusy, setWasBusy] = useState(busy)
  if (busy !== wasBusy) {
    setWasBusy(busy)
    if (!busy) setMessage(undefined)
  }
  useEffect(
    () =>
      onGitDependencyProgress((p) => {
        if (p.manifestPath === manifestPath) setMessage(p.message)
      }),
    [manifestPath]
  )
  return busy ? message : undefined
}

export function useGitPanel(manifestPath: string) {
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: gitPanelKeys.list(manifestPath),
    queryFn: () => api.gitDependencies({ manifestPath }),
    retry: false,
    staleTime: Infinity
  })
  const checkable = list.data?.dependencies.some(canUpdate) ?? false
  const upstream = useQuery({
    queryKey: gitPanelKeys.upstream(manifestPath),
    queryFn: () => api.checkGitUpstream({ manifestPath }),
    enabled: checkable,
    retry: false,
    staleTime: Infinity
  })
  /** The graph, the list and the check all move with Cargo.lock and Cargo.toml. */
  const refreshAll = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.dependencyGraph(manifestPath) })
  const update = useMutation({
    mutationFn: (name: string) => api.updateGitDependency({ manifestPath, name }),
    onSuccess: () => refreshAll()
  })
  const pin = useMutation({ mutationFn: (name: string) => api.previewGitPin({ manifestPath, name }) })
  const busy = list.isFetching || upstream.isFetching || update.isPending || pin.isPending
  // The tree's resolution writes Cargo.lock too: one that read the lock before an update wrote
  // it would put the old lock back, so Update waits for it.
  const graphResolving = useIsFetching({ queryKey: queryKeys.dependencyGraph(manifestPath), exact: true }) > 0
  const progress = useProgress(manifestPath, busy)
  return {
    list,
    /** Some source follows a branch, tag or default branch: there is something to look for upstream. */
    checkable,
    upstream,
    update,
    pin,
    busy,
    graphResolving,
    progress,
    cancel: () => void api.cancelGitDependencies({ manifestPath }),
    /** A pin was saved: the project (its dependencies list) and everything resolved from it are stale. */
    pinned: () => {
      pin.reset()
      void refreshAll()
      void queryClient.invalidateQueries({ queryKey: ['project'] })
    }
  }
}

export type GitPanelController = ReturnType<typeof useGitPanel>
