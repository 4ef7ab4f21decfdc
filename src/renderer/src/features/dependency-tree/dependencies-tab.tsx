/**
 * The project's Dependencies tab: resolves the project (the main side fetches what it must
 * and writes Cargo.lock, as `cargo tree` would), shows what the resolution is doing with a
 * Cancel button, then the tree view. A changed manifest refetches (project-view invalidates).
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { api, onDependencyProgress } from '../../lib/api'
import { queryKeys } from '../../queries/query-keys'
import { DependencyTreeView } from './dependency-tree-view'

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
      <DependencyTreeView
        graph={query.data}
        loading={resolving && query.data !== undefined}
        error={query.isError && !resolving ? query.error : undefined}
        onRetry={() => void query.refetch()}
      />
    </div>
  )
}
