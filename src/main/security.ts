/**
 * App-wide hardening from Electron's security checklist: every web contents may not navigate
 * away, may not open windows, and gets every permission request refused but desktop
 * notifications (a long build says it finished) and writing to the clipboard (About's "Copy").
 */
import { app, session, shell, type WebContents } from 'electron'
import { originOf } from './url-origin'

/** Links the app itself may open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOWLIST = ['https://rustup.rs', 'https://doc.rust-lang.org', 'https://crates.io']

/** What the renderer may do: show a notification, and write (never read) the clipboard. Both reveal nothing. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'notifications' || permission === 'clipboard-sanitized-write'
}

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url)
    return (
      u.protocol === 'https:' &&
      EXTERNAL_ALLOWLIST.some((allowed) => `${u.origin}` === new URL(allowed).origin)
    )
  } catch {
    return false
  }
}

export function setupSecurity(appOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      const origin = originOf(url)
      if (origin === undefined || !appOrigins.includes(origin)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(
    () => {
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(isAllowedPermission(permission))
      )
      session.defaultSession.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission))
    },
    () => undefined
  )
}
