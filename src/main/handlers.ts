/**
 * Every invoke channel mapped onto the services. The same object serves Electron IPC and the
 * browser bridge; what differs between the shells comes in through ShellAdapter.
 */
import { homedir } from 'node:os'
import type { AppInfo } from '@shared/models/app'
import type { Handlers } from './ipc/dispatch'
import type { Services } from './services/create-services'
import { detectToolchain } from './services/toolchain'

export interface ShellAdapter {
  readonly mode: AppInfo['mode']
  readonly version: string
  /** A native folder picker; browser mode has none and throws `unsupported`. */
  pickFolder(title: string): Promise<string | null>
  /** Opens a file with the system's default application. */
  openPath(path: string, line?: number): Promise<void>
}

export function createHandlers(services: Services, shell: ShellAdapter): Handlers {
  const { projects, builds, manifests, dependencies, gitDependencies } = services
  return {
    getAppInfo: () =>
      Promise.resolve({
        name: 'Crate Studio',
        version: shell.version,
        mode: shell.mode,
        platform: process.platform,
        homeDir: homedir()
      }),
    getToolchain: () => detectToolchain(),
    getNewPackageDefaults: () => projects.defaults(),
    previewNewPackage: (o) => projects.preview(o),
    createPackage: (o) => projects.create(o),
    openProject: ({ path }) => projects.open(path),
    listRecentProjects: () => projects.listRecent(),
    forgetRecentProject: ({ path }) => projects.forgetRecent(path),
    listDirectory: ({ path }) => projects.listDirectory(path),
    pickFolder: ({ title }) => shell.pickFolder(title),
    // The manifest path comes from the renderer: only an opened project's may be built, run or tested.
    startBuild: async (r) =>
      builds.build({ ...r, manifestPath: await projects.checkBuildable(r.manifestPath) }),
    startRun: async (r) => builds.run({ ...r, manifestPath: await projects.checkBuildable(r.manifestPath) }),
    startTest: async (r) =>
      builds.test({ ...r, manifestPath: await projects.checkBuildable(r.manifestPath) }),
    cancelOperation: ({ operationId }) => Promise.resolve({ cancelled: builds.cancel(operationId) }),
    openInEditor: async ({ path, line }) => {
      await shell.openPath(await projects.checkOpenable(path), line)
      return null
    },
    openManifest: ({ path }) => manifests.open(path),
    dependencyGraph: ({ manifestPath }) => dependencies.graph(manifestPath),
    cancelDependencyGraph: ({ manifestPath }) => dependencies.cancel(manifestPath),
    gitDependencies: ({ manifestPath }) => gitDependencies.list(manifestPath),
    checkGitUpstream: ({ manifestPath }) => gitDependencies.checkUpstream(manifestPath),
    updateGitDependency: ({ manifestPath, name }) => gitDependencies.update(manifestPath, name),
    previewGitPin: ({ manifestPath, name }) => gitDependencies.previewPin(manifestPath, name),
    cancelGitDependencies: ({ manifestPath }) => gitDependencies.cancel(manifestPath),
    analyzeManifest: ({ path, text }) => manifests.analyze(path, text),
    editManifest: ({ path, text, edits }) => manifests.edit(path, text, edits),
    saveManifest: ({ path, text, baseHash }) => manifests.save(path, text, baseHash),
    closeManifest: async ({ path }) => {
      await manifests.close(path)
      return null
    }
  }
}
