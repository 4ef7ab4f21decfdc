/**
 * Builds `window.api` over a transport. The preload passes Electron IPC, the browser build
 * passes a WebSocket; both get the same named functions, checked by `satisfies RendererApi`.
 */
import type { Channel, ChannelOutput, PushEvent, PushEvents, RendererApi, Unsubscribe } from './contract'
import type { Result } from './result'

export interface Transport {
  invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>>
  subscribe<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): Unsubscribe
}

export function createApi(t: Transport) {
  return {
    getAppInfo: () => t.invoke('getAppInfo', undefined),
    getToolchain: (input) => t.invoke('getToolchain', input),
    getNewPackageDefaults: () => t.invoke('getNewPackageDefaults', undefined),
    previewNewPackage: (input) => t.invoke('previewNewPackage', input),
    createPackage: (input) => t.invoke('createPackage', input),
    openProject: (input) => t.invoke('openProject', input),
    listRecentProjects: () => t.invoke('listRecentProjects', undefined),
    forgetRecentProject: (input) => t.invoke('forgetRecentProject', input),
    listDirectory: (input) => t.invoke('listDirectory', input),
    pickFolder: (input) => t.invoke('pickFolder', input),
    startBuild: (input) => t.invoke('startBuild', input),
    startRun: (input) => t.invoke('startRun', input),
    startTest: (input) => t.invoke('startTest', input),
    cancelOperation: (input) => t.invoke('cancelOperation', input),
    openInEditor: (input) => t.invoke('openInEditor', input),
    openManifest: (input) => t.invoke('openManifest', input),
    analyzeManifest: (input) => t.invoke('analyzeManifest', input),
    editManifest: (input) => t.invoke('editManifest', input),
    saveManifest: (input) => t.invoke('saveManifest', input),
    closeManifest: (input) => t.invoke('closeManifest', input),
    dependencyGraph: (input) => t.invoke('dependencyGraph', input),
    cancelDependencyGraph: (input) => t.invoke('cancelDependencyGraph', input),
    gitDependencies: (input) => t.invoke('gitDependencies', input),
    checkGitUpstream: (input) => t.invoke('checkGitUpstream', input),
    updateGitDependency: (input) => t.invoke('updateGitDependency', input),
    previewGitPin: (input) => t.invoke('previewGitPin', input),
    cancelGitDependencies: (input) => t.invoke('cancelGitDependencies', input),
    folderTrust: (input) => t.invoke('folderTrust', input),
    setFolderTrust: (input) => t.invoke('setFolderTrust', input),
    workspaceDependencies: (input) => t.invoke('workspaceDependencies', input),
    previewPromotion: (input) => t.invoke('previewPromotion', input),
    applyPromotion: (input) => t.invoke('applyPromotion', input),
    revealInFolder: (input) => t.invoke('revealInFolder', input),
    getSettings: () => t.invoke('getSettings', undefined),
    updateSettings: (input) => t.invoke('updateSettings', input),
    listTrustedFolders: () => t.invoke('listTrustedFolders', undefined),
    takeOpenRequests: () => t.invoke('takeOpenRequests', undefined),
    trustFolder: (input) => t.invoke('trustFolder', input),
    forgetTrustedFolder: (input) => t.invoke('forgetTrustedFolder', input),
    onOperationEvents: (listener) => t.subscribe('operationEvents', listener),
    onMenuCommand: (listener) => t.subscribe('menuCommand', listener),
    onManifestChanged: (listener) => t.subscribe('manifestChanged', listener),
    onDependencyProgress: (listener) => t.subscribe('dependencyProgress', listener),
    onGitDependencyProgress: (listener) => t.subscribe('gitDependencyProgress', listener),
    onOpenRequested: (listener) => t.subscribe('openRequested', () => listener())
  } satisfies RendererApi
}
