/** Every cache key in one place, so invalidation and `setQueryData` cannot drift from the readers. */
import type { ChannelRawInput } from '@shared/ipc/contract'

export const queryKeys = {
  appInfo: ['app-info'] as const,
  toolchain: ['toolchain'] as const,
  recentProjects: ['recent-projects'] as const,
  settings: ['settings'] as const,
  trustedFolders: ['trusted-folders'] as const,
  newPackageDefaults: ['new-package-defaults'] as const,
  newPackagePreview: (options: ChannelRawInput<'previewNewPackage'>) =>
    ['new-package-preview', options] as const,
  project: (path: string) => ['project', path] as const,
  dependencyGraph: (manifestPath: string) => ['dependency-graph', manifestPath] as const,
  folderTrust: (manifestPath: string) => ['folder-trust', manifestPath] as const,
  workspaceDependencies: (rootManifest: string) => ['workspace-dependencies', rootManifest] as const,
  directory: (path: string) => ['directory', path] as const,
  operation: (operationId: string) => ['operation', operationId] as const,
  /** The last build or run started for a manifest, so the console survives navigating away. */
  latestOperation: (manifestPath: string) => ['latest-operation', manifestPath] as const
}
