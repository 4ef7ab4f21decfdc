/**
 * The project's Dependencies tab: resolves the project (the main side fetches what it must
 * and writes Cargo.lock, as `cargo tree` would), shows what the resolution is doing with a
 * Cancel button, then the git panel (git sources: newer commits, update, pin) and the tree
 * view. A changed manifest refetches (project-view invalidates).
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { api, onDependencyProgress } from '../../lib/api'
import { queryKeys } from '../../queries/query-keys'
import { DependencyTreeView } from './dependency-tree-view'
import { GitPanel } from './git-panel'

export function DependenciesTab({ manifestPath }: { readonly manifestPath: string }) {
  const query = useQuery({
    queryKey: queryKeys.dependencyGraph(manifestPath),
    queryFn: () => api.dependencyGraph({ manifestPath }),
    retry: false,
    staleTime: Infinity
  })
  const [progress, setProgress] = useState<string | undefined>()
  useEffect(
    () =>
      onDependencyProgress((p) => {
        if (p.manifestPath === manifestPath) setProgress(p.message)
      }),
    [manifestPath]
  )
  const resolving = query.isFetching
  return (
    <div className="dependencies-tab">
      {resolving && (
        <div className="dependencies-progress" role="status">
          <span>{progress ?? 'Resolving dependencies…'}</span>
          <button type="button" onClick={() => void api.cancelDependencyGraph({ manifestPath })}>
            Cancel
          </button>
        </div>
      )}
      <GitPanel manifestPath={manifestPath} />
      <DependencyTreeView
        graph={query.data}
        loading={resolving && query.data !== undefined}
        error={query.isError && !resolving ? query.error : undefined}
        onRetry={() => void query.refetch()}
      />
    </div>
  )
}
