/** Facts about the running app that the renderer shows or branches on. */
export interface AppInfo {
  readonly name: string
  readonly version: string
  /** `desktop` inside Electron; `browser` when served by `crate-studio web`. */
  readonly mode: 'desktop' | 'browser'
  readonly platform: string
  readonly homeDir: string
  /** For the About dialog; browser mode has no Electron, and its Chromium is the page's own. */
  readonly versions: { readonly node: string; readonly electron?: string; readonly chrome?: string }
}

/** The rustc that builds will use (or why there is none), rustup, and a project's pin. */
export type { ToolchainInfo } from './toolchain'

export interface RecentProject {
  readonly path: string
  readonly name: string
  readonly openedAt: number
}

export interface DirectoryEntry {
  readonly name: string
  readonly path: string
  readonly hasManifest: boolean
}

export interface DirectoryListing {
  readonly path: string
  readonly parent?: string
  readonly hasManifest: boolean
  readonly entries: readonly DirectoryEntry[]
}

export type MenuCommand =
  'new-package' | 'open-folder' | 'save' | 'build' | 'run' | 'test' | 'cancel' | 'settings' | 'about'

/** Workspace trust of an opened project's folder: whether its code may run, and which trusted folder says so. */
export interface FolderTrust {
  readonly trusted: boolean
  /** The trusted folder covering it (itself or one above it); null when untrusted. */
  readonly trustedBy: string | null
  /** Folders whose code a build would run that no trusted folder covers yet (path dependencies too). */
  readonly untrusted: readonly string[]
}
