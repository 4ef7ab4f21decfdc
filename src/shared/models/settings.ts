/** The user's settings: what the app remembers between runs, edited on the Settings page. */
import type { Edition } from './package'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export interface Settings {
  /** The edition the wizard proposes for a new package. */
  readonly edition: Edition
  /** `Name <email>` for new packages; empty means "from git config", as cargo does. */
  readonly author: string
  /** An SPDX expression for new packages; empty means none. */
  readonly license: string
  /** Parallel rustc jobs for builds; null means one per CPU, as cargo does. */
  readonly jobs: number | null
  readonly theme: Theme
  /**
   * How "open in editor" starts the user's editor: a program and its arguments, with `{file}`,
   * `{line}` and `{column}` filled in. Empty means the system's default application.
   */
  readonly editorCommand: string
  /** Where git checkouts and registry files are kept; null means the platform's cache folder. */
  readonly cacheDir: string | null
}

export interface SettingsState {
  readonly settings: Settings
  /** The settings file, so the page can say where they live. */
  readonly file: string
  /** What was wrong with the file when it was read (each fell back to its default), if anything. */
  readonly problems: readonly string[]
  /** What the null settings mean on this machine. */
  readonly defaults: { readonly jobs: number; readonly cacheDir: string }
  /** The cache folder builds use now: a changed cache location takes effect on restart. */
  readonly cacheDirInUse: string
  /** CRATE_STUDIO_CACHE_DIR is set, and wins over the setting. */
  readonly cacheDirFromEnvironment: boolean
}

/** Editors the Settings page offers as one-click presets for the editor command. */
export const EDITOR_PRESETS: readonly { readonly name: string; readonly command: string }[] = [
  { name: 'Visual Studio Code', command: 'code --goto {file}:{line}:{column}' },
  { name: 'Zed', command: 'zed {file}:{line}:{column}' },
  { name: 'Sublime Text', command: 'subl {file}:{line}:{column}' },
  { name: 'RustRover', command: 'rustrover --line {line} --column {column} {file}' },
  { name: 'Emacs (emacsclient)', command: 'emacsclient -n +{line}:{column} {file}' },
  { name: 'gVim', command: 'gvim +{line} {file}' }
]

/** A folder whose code the user agreed to run (builds, build scripts, proc-macros). */
export interface TrustedFolder {
  readonly path: string
  readonly trustedAt: number
}
