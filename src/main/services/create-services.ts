/** Wires the services every shell shares. Shell-specific powers arrive through ShellAdapter. */
import { join } from 'node:path'
import type { Publish } from '@shared/ipc/contract'
import { availableParallelism } from 'node:os'
import { cacheDirOf, platformCacheDir } from '../engine/workspace/cache-dir'
import { BuildService } from './build-service'
import { DependencyService } from './dependency-service'
import { chokidarWatcher, type FileWatcher } from './file-watcher'
import { GitDependencyService } from './git-dependency-service'
import { ManifestService } from './manifest-service'
import { engineManifestEditor } from './manifest-engine'
import { OperationStore } from './operations'
import { ProjectService } from './project-service'
import { RecentProjects } from './recent-projects'
import { SettingsStore } from './settings-store'
import { OpenRequests } from './open-requests'
import { TrustedFolders } from './trusted-folders'
import { WorkspaceService } from './workspace-service'

export interface Services {
  readonly projects: ProjectService
  readonly builds: BuildService
  readonly operations: OperationStore
  readonly manifests: ManifestService
  readonly dependencies: DependencyService
  readonly gitDependencies: GitDependencyService
  readonly trust: TrustedFolders
  readonly workspaces: WorkspaceService
  readonly settings: SettingsStore
  readonly openRequests: OpenRequests
}

export interface ServiceOptions {
  /** The user's config directory for Crate Studio (recent projects, settings). */
  readonly configDir: string
  readonly publish: Publish
  readonly logError?: (context: string, e: unknown) => void
  /** Replaceable in tests; chokidar by default. */
  readonly watcher?: FileWatcher
  /** Git databases and registry caches; `cacheDirOf(process.env)` by default (shells pass `startupCacheDir`). */
  readonly cacheDir?: string
}

export function createServices(o: ServiceOptions): Services {
  const cacheDir = o.cacheDir ?? cacheDirOf(process.env)
  const settings = new SettingsStore(
    o.configDir,
    { jobs: availableParallelism(), cacheDir: platformCacheDir(process.env) },
    { dir: cacheDir, fromEnvironment: Boolean(process.env.CRATE_STUDIO_CACHE_DIR) }
  )
  const operations = new OperationStore(o.publish, o.logError)
  const projects = new ProjectService(new RecentProjects(o.configDir), settings, o.logError)
  const manifests = new ManifestService(
    engineManifestEditor,
    o.watcher ?? chokidarWatcher,
    (path) => projects.checkEditable(path),
    o.publish,
    o.logError
  )
  const trust = new TrustedFolders(o.configDir)
  const builds = new BuildService(operations, {
    cacheDir,
    checkCodeFolders: (folders) => trust.requireAll(folders),
    defaultJobs: async () => (await settings.settings()).jobs ?? undefined
  })
  const dependencies = new DependencyService((path) => projects.checkBuildable(path), o.publish, cacheDir)
  const gitDependencies = new GitDependencyService({
    checkBuildable: (path) => projects.checkBuildable(path),
    publish: o.publish,
    cacheDir,
    editor: engineManifestEditor,
    ...(o.logError ? { logError: o.logError } : {})
  })
  const workspaces = new WorkspaceService((path) => projects.checkBuildable(path), manifests, cacheDir)
  return {
    projects,
    builds,
    operations,
    manifests,
    dependencies,
    gitDependencies,
    trust,
    workspaces,
    settings,
    openRequests: new OpenRequests(o.publish)
  }
}

/** `~/.config/crate-studio` (XDG), `~/Library/Application Support/…`, or `%APPDATA%\\…`. */
export function defaultConfigDir(env: NodeJS.ProcessEnv, home: string): string {
  if (env.CRATE_STUDIO_CONFIG_DIR) return env.CRATE_STUDIO_CONFIG_DIR
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Crate Studio')
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Crate Studio')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'crate-studio')
}
