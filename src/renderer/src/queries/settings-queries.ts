/** The Settings page's data: the settings themselves and the trusted folders list. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelRawInput } from '@shared/ipc/contract'
import { api } from '../lib/api'
import { queryKeys } from './query-keys'

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: api.getSettings })
}

export function useUpdateSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (change: ChannelRawInput<'updateSettings'>) => api.updateSettings(change),
    onSuccess: (state) => {
      client.setQueryData(queryKeys.settings, state)
      // The wizard proposes the edition, author and licence from the settings.
      void client.invalidateQueries({ queryKey: queryKeys.newPackageDefaults })
    }
  })
}

export function useTrustedFolders() {
  return useQuery({ queryKey: queryKeys.trustedFolders, queryFn: api.listTrustedFolders })
}

/** Trusting or forgetting a folder changes what every open project may run. */
function useTrustChange(change: (path: string) => ReturnType<typeof api.listTrustedFolders>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (list) => {
      client.setQueryData(queryKeys.trustedFolders, list)
      void client.invalidateQueries({ queryKey: ['folder-trust'] })
    }
  })
}

export const useTrustFolder = () => useTrustChange((path) => api.trustFolder({ path }))
export const useForgetTrustedFolder = () => useTrustChange((path) => api.forgetTrustedFolder({ path }))
