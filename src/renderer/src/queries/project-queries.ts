/** Opening, creating and forgetting projects. */
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelRawInput } from '@shared/ipc/contract'
import { api } from '../lib/api'
import { queryKeys } from './query-keys'

/** The snapshot of the package at `path` (a folder or a Cargo.toml). */
export function useProject(path: string) {
  return useQuery({ queryKey: queryKeys.project(path), queryFn: () => api.openProject({ path }) })
}

/** What `new` would write for these options; kept on screen while the next preview loads. */
export function useNewPackagePreview(options: ChannelRawInput<'previewNewPackage'> | undefined) {
  return useQuery({
    queryKey: options ? queryKeys.newPackagePreview(options) : ['new-package-preview', 'none'],
    queryFn: options ? () => api.previewNewPackage(options) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 2_000
  })
}

/** Creates the package and seeds the project cache, so the project view opens without a refetch. */
export function useCreatePackage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.createPackage,
    onSuccess: (snapshot) => {
      queryClient.setQueryData(queryKeys.project(snapshot.root.rootDir), snapshot)
      void queryClient.invalidateQueries({ queryKey: queryKeys.recentProjects })
    }
  })
}

export function useForgetRecentProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: api.forgetRecentProject,
    onSuccess: (recent) => queryClient.setQueryData(queryKeys.recentProjects, recent)
  })
}

export function useOpenInEditor() {
  return useMutation({ mutationFn: api.openInEditor })
}

export function useRevealInFolder() {
  return useMutation({ mutationFn: api.revealInFolder })
}
