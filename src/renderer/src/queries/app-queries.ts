/** Facts about the app and machine that several views show. */
import { useQuery } from '@tanstack/react-query'
import { api } from '../lib/api'
import { queryKeys } from './query-keys'

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: api.getAppInfo, staleTime: Infinity })
}

/**
 * The rustc builds use and rustup's toolchains; with an open project's manifest, also what the
 * project pins. Keyed under `toolchain`, so invalidating that key re-checks every view of it.
 */
export function useToolchain(manifestPath?: string) {
  return useQuery({
    queryKey: [...queryKeys.toolchain, manifestPath ?? null],
    queryFn: () => api.getToolchain(manifestPath ? { manifestPath } : undefined),
    staleTime: 60_000
  })
}

/** Refetched whenever the start page mounts, since opening a project reorders the list. */
export function useRecentProjects() {
  return useQuery({ queryKey: queryKeys.recentProjects, queryFn: api.listRecentProjects })
}

export function useNewPackageDefaults() {
  return useQuery({
    queryKey: queryKeys.newPackageDefaults,
    queryFn: api.getNewPackageDefaults,
    staleTime: Infinity
  })
}

/** One folder of the in-app folder browser (browser mode has no native picker). */
export function useDirectoryListing(path: string | undefined) {
  return useQuery({
    queryKey: queryKeys.directory(path ?? ''),
    queryFn: () => api.listDirectory({ path: path ?? '' }),
    enabled: path !== undefined && path !== '',
    staleTime: 5_000
  })
}
