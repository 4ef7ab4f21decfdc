/** Wires the services every shell shares. Shell-specific powers arrive through ShellAdapter. */
import { join } from 'node:path'
import type { Publish } from '@shared/ipc/contract'
import { BuildService } from './build-service'
import { chokidarWatcher, type FileWatcher } from './file-watcher'
import { ManifestService } from './manifest-service'
import { engineManifestEditor } from './manifest-engine'
import { OperationStore } from './operations'
import { ProjectService } from './project-service'
import { RecentProjects } from './recent-projects'

export interface Services {
  readonly projects: ProjectService
  readonly builds: BuildService
  readonly operations: OperationStore
  readonly manifests: ManifestService
}

export interface ServiceOptions {
  /** The user's config directory for Crate Studio (recent projects, settings). */
  readonly configDir: string
  readonly publish: Publish
  readonly logError?: (context: string, e: unknown) => void
  /** Replaceable in tests; chokidar by default. */
  readonly watcher?: FileWatcher
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
  return { projects, builds: new BuildService(operations), operations, manifests }
}

/** `~/.config/crate-studio` (XDG), `~/Library/Application Support/…`, or `%APPDATA%\\…`. */
export function defaultConfigDir(env: NodeJS.ProcessEnv, home: string): string {
  if (env.CRATE_STUDIO_CONFIG_DIR) return env.CRATE_STUDIO_CONFIG_DIR
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Crate Studio')
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Crate Studio')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'crate-studio')
}
