/** Workspace trust of the opened project's folder: read it, grant it, revoke it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../lib/api'
import { queryKeys } from './query-keys'

export function useFolderTrust(manifestPath: string) {
  return useQuery({
    queryKey: queryKeys.folderTrust(manifestPath),
    queryFn: () => api.folderTrust({ manifestPath })
  })
}

export function useSetFolderTrust(manifestPath: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (trusted: boolean) => api.setFolderTrust({ manifestPath, trusted }),
    onSuccess: (trust) => {
      client.setQueryData(queryKeys.folderTrust(manifestPath), trust)
      // A workspace's root and its members share folders: every other view reads its trust again.
      void client.invalidateQueries({
        queryKey: ['folder-trust'],
        predicate: (q) => q.queryKey[1] !== manifestPath
      })
    }
  })
}
