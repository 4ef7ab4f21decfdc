/** Wires the services every shell shares. Shell-specific powers arrive through ShellAdapter. */
import { join } from 'node:path'
import type { Publish } from '@shared/ipc/contract'
import { cacheDirOf } from '../engine/workspace/cache-dir'
import { BuildService } from './build-service'
import { DependencyService } from './dependency-service'
import { chokidarWatcher, type FileWatcher } from './file-watcher'
import { GitDependencyService } from './git-dependency-service'
import { ManifestService } from './manifest-service'
import { engineManifestEditor } from './manifest-engine'
import { OperationStore } from './operations'
import { ProjectService } from './project-service'
import { RecentProjects } from './recent-projects'
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
}

export interface ServiceOptions {
  /** The user's config directory for Crate Studio (recent projects, settings). */
  readonly configDir: string
  readonly publish: Publish
  readonly logError?: (context: string, e: unknown) => void
  /** Replaceable in tests; chokidar by default. */
  readonly watcher?: FileWatcher
  /** Git databases and registry caches; `cacheDirOf(process.env)` by default. */
  readonly cacheDir?: string
}

export function createServices(o: ServiceOptions): Services {
  const operations = new OperationStore(o.publish, o.logError)
  const projects = new ProjectService(new RecentProjects(o.configDir), o.logError)
  const manifests = new ManifestService(
    engineManifestEditor,
    o.watcher ?? chokidarWatcher,
    (path) => projects.checkEditable(path),
    o.publish,
    o.logError
  )
  const trust = new TrustedFolders(o.configDir)
  const builds = new BuildService(operations, {
    cacheDir: o.cacheDir ?? cacheDirOf(process.env),
    checkCodeFolders: (folders) => trust.requireAll(folders)
  })
  const dependencies = new DependencyService(
    (path) => projects.checkBuildable(path),
    o.publish,
    o.cacheDir ?? cacheDirOf(process.env)
  )
  const gitDependencies = new GitDependencyService({
    checkBuildable: (path) => projects.checkBuildable(path),
    publish: o.publish,
    cacheDir: o.cacheDir ?? cacheDirOf(process.env),
    editor: engineManifestEditor,
    ...(o.logError ? { logError: o.logError } : {})
  })
  const workspaces = new WorkspaceService(
    (path) => projects.checkBuildable(path),
    manifests,
    o.cacheDir ?? cacheDirOf(process.env)
  )
  return {
    projects,
    builds,
    operations,
    manifests,
    dependencies,
    gitDependencies,
    trust,
    workspaces
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
