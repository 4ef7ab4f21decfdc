/**
 * Every invoke channel mapped onto the services. The same object serves Electron IPC and the
 * browser bridge; what differs between the shells comes in through ShellAdapter.
 */
import { realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname } from 'node:path'
import type { AppInfo } from '@shared/models/app'
import type { Theme } from '@shared/models/settings'
import type { Handlers } from './ipc/dispatch'
import type { Services } from './services/create-services'
import { EngineError } from './engine/errors'
import { openInEditorCommand } from './services/editor-command'
import { confirmAll, sensitiveChanges, type SensitiveSetting } from './services/settings-changes'
import { detectToolchain } from './services/toolchain'
import { onlyOurTemplate, projectCodeFolders } from './services/trusted-folders'

export interface ShellAdapter {
  readonly mode: AppInfo['mode']
  readonly version: string
  /** A native folder picker; browser mode has none and throws `unsupported`. */
  pickFolder(title: string): Promise<string | null>
  /** Opens a file with the system's default application. */
  openPath(path: string, line?: number): Promise<void>
  /**
   * The user's own yes before a folder is trusted. The desktop app asks with a native dialog,
   * which a compromised page cannot answer; in browser mode the page's dialog was the question.
   */
  confirmTrust(folders: readonly string[]): Promise<boolean>
  /** The user's yes to a setting a page could turn against them (the same reasoning). */
  confirmSetting(change: SensitiveSetting): Promise<boolean>
  /** Shows the file in the system's file manager. */
  revealPath(path: string): Promise<void>
  /** Native parts (menus, dialogs) follow the theme setting; the page styles itself. */
  applyTheme(theme: Theme): void
}

export function createHandlers(services: Services, shell: ShellAdapter): Handlers {
  const { projects, builds, manifests, dependencies, gitDependencies, trust, workspaces, settings } = services
  /** The project's trust: its folder's, and that of every path package its build would run. */
  const trustOf = async (manifest: string) => {
    const by = await trust.trustedBy(dirname(manifest))
    const untrusted = await trust.uncovered(await projectCodeFolders(manifest))
    return { trusted: untrusted.length === 0, trustedBy: by ?? null, untrusted }
  }
  /** An opened project's root manifest whose folder is trusted to run code; `untrusted` otherwise. */
  const runnable = async (manifestPath: string, action: string) => {
    const manifest = await projects.checkBuildable(manifestPath)
    await trust.require(dirname(manifest), action)
    return manifest
  }
  return {
    getAppInfo: () =>
      Promise.resolve({
        name: 'Crate Studio',
        version: shell.version,
        mode: shell.mode,
        platform: process.platform,
        homeDir: homedir(),
        versions: {
          node: process.versions.node,
          ...(process.versions.electron ? { electron: process.versions.electron } : {}),
          ...(process.versions.chrome ? { chrome: process.versions.chrome } : {})
        }
      }),
    getToolchain: async (o) =>
      detectToolchain(process.env, o?.manifestPath && (await projects.checkEditable(o.manifestPath))),
    getNewPackageDefaults: () => projects.defaults(),
    previewNewPackage: (o) => projects.preview(o),
    // A package made by the wizard holds only our template: the user's own, trusted from the
    // start, unless a folder above it brings a cargo config or toolchain file of its own.
    createPackage: async (o) => {
      const created = await projects.create(o)
      if (await onlyOurTemplate(created.root.rootDir)) await trust.trust(created.root.rootDir)
      return created
    },
    openProject: ({ path }) => projects.open(path),
    listRecentProjects: () => projects.listRecent(),
    forgetRecentProject: ({ path }) => projects.forgetRecent(path),
    listDirectory: ({ path }) => projects.listDirectory(path),
    pickFolder: ({ title }) => shell.pickFolder(title),
    folderTrust: async ({ manifestPath }) => trustOf(await projects.checkBuildable(manifestPath)),
    setFolderTrust: async ({ manifestPath, trusted }) => {
      const manifest = await projects.checkBuildable(manifestPath)
      if (!trusted) await trust.revoke(dirname(manifest))
      else {
        const needed = (await trustOf(manifest)).untrusted
        if (needed.length > 0 && (await shell.confirmTrust(needed)))
          for (const folder of needed) await trust.trust(folder)
      }
      return trustOf(manifest)
    },
    // The manifest path comes from the renderer: only an opened project's may be built, run or
    // tested, and only once its folder is trusted, since that runs the project's code.
    startBuild: async (r) => builds.build({ ...r, manifestPath: await runnable(r.manifestPath, 'build') }),
    startRun: async (r) => builds.run({ ...r, manifestPath: await runnable(r.manifestPath, 'run') }),
    startTest: async (r) => builds.test({ ...r, manifestPath: await runnable(r.manifestPath, 'test') }),
    cancelOperation: ({ operationId }) => Promise.resolve({ cancelled: builds.cancel(operationId) }),
    openInEditor: async ({ path, line, column }) => {
      const file = await projects.checkOpenable(path)
      const { editorCommand } = await settings.settings()
      if (editorCommand.trim()) await openInEditorCommand(editorCommand, file, line, column)
      else await shell.openPath(file, line)
      return null
    },
    revealInFolder: async ({ path }) => {
      await shell.revealPath(await projects.checkRevealable(path))
      return null
    },
    getSettings: () => settings.state(),
    updateSettings: async (change) => {
      // A new editor command or cache folder could be turned against the user: they confirm it.
      await confirmAll(await sensitiveChanges(change, await settings.settings()), (c) =>
        shell.confirmSetting(c)
      )
      const state = await settings.update(change)
      shell.applyTheme(state.settings.theme)
      return state
    },
    listTrustedFolders: () => trust.list(),
    takeOpenRequests: () => Promise.resolve(services.openRequests.take()),
    trustFolder: async ({ path }) => {
      const folder = await trustableFolder(path)
      if (await shell.confirmTrust([folder])) await trust.trust(folder)
      return trust.list()
    },
    forgetTrustedFolder: ({ path }) => trust.forget(path),
    openManifest: ({ path }) => manifests.open(path),
    dependencyGraph: ({ manifestPath }) => dependencies.graph(manifestPath),
    workspaceDependencies: ({ manifestPath }) => workspaces.usage(manifestPath),
    previewPromotion: ({ manifestPath, name }) => workspaces.previewPromotion(manifestPath, name),
    applyPromotion: async ({ files }) => {
      await workspaces.applyPromotion(files)
      return null
    },
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

/**
 * A folder named in Settings to trust, as its real path (what the question shows is what gets
 * trusted, even through a link). The root of a drive and the home folder are refused: trusting
 * them would trust every project the user ever downloads.
 */
async function trustableFolder(path: string): Promise<string> {
  const real = await realpath(path).catch(() => undefined)
  if (real === undefined || !(await stat(real)).isDirectory())
    throw new EngineError('not-found', `${path} is not a folder.`, {
      hint: 'Choose an existing folder to trust.'
    })
  if (dirname(real) === real || real === (await realpath(homedir()).catch(() => homedir())))
    throw new EngineError('invalid-input', `Trusting ${real} would trust every project in it.`, {
      hint: 'Trust the folder that holds your own projects (e.g. ~/code), or each project when you build it.'
    })
  return real
}
