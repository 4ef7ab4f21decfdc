/** What only the desktop app can do: native dialogs and opening files with the system. */
import { app, dialog, nativeTheme, shell, type BrowserWindow } from 'electron'
import { EngineError } from './engine/errors'
import type { ShellAdapter } from './handlers'

interface Question {
  readonly type: 'warning' | 'question'
  readonly title: string
  readonly message: string
  readonly detail: string
  readonly yes: string
}

export function desktopShell(window: () => BrowserWindow | undefined): ShellAdapter {
  /** A native yes/no the page cannot answer for the user; Cancel is the default. */
  const confirm = async (q: Question): Promise<boolean> => {
    const win = window()
    const options = {
      type: q.type,
      title: q.title,
      message: q.message,
      detail: q.detail,
      buttons: [q.yes, 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true
    }
    const { response } = win
      ? await dialog.showMessageBox(win, options)
      : await dialog.showMessageBox(options)
    return response === 0
  }
  return {
    mode: 'desktop',
    version: app.getVersion(),
    async pickFolder(title) {
      const win = window()
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    confirmTrust: (folders) =>
      confirm({
        type: 'warning',
        title: 'Trust this folder?',
        message: `Do you trust the authors of ${folders.length === 1 ? folders[0] : 'these folders'}?`,
        detail: `${folders.length === 1 ? '' : `${folders.join('\n')}\n\n`}Building, running or testing runs the project’s own code: build scripts, proc-macros, a 2014 build command and the rustc wrappers its .cargo/config.toml names, in its folder and in the path dependencies it uses. Trust them only if you trust where they came from. You can revoke trust at any time.`,
        yes: 'Trust and Continue'
      }),
    confirmSetting: (change) =>
      confirm(
        change.kind === 'editor-command'
          ? {
              type: 'question',
              title: 'Use this editor command?',
              message: 'Open files from Crate Studio with this program?',
              // One argument per line: nothing can hide after a long line.
              detail: `${change.program}\n${change.args.map((a) => `    ${a}`).join('\n')}\n\n“Open in editor” will start this program with the file’s path. Confirm only if you chose it.`,
              yes: 'Use Program'
            }
          : {
              type: 'warning',
              title: 'Change the cache folder?',
              message: `Keep git checkouts and registry crates in ${change.dir}?`,
              detail:
                'Builds reuse the crates and checkouts they find in the cache, so choose a folder only Crate Studio writes to. It takes effect when Crate Studio restarts.',
              yes: 'Use Folder'
            }
      ),
    revealPath(path) {
      shell.showItemInFolder(path)
      return Promise.resolve()
    },
    applyTheme(theme) {
      nativeTheme.themeSource = theme
    },
    async openPath(path) {
      const error = await shell.openPath(path)
      if (error) throw new EngineError('io', `Could not open ${path}: ${error}`)
    }
  }
}
