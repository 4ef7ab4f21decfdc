/** The About dialog's lines. In browser mode Chromium is the page's own browser, read from its user agent. */
import type { AppInfo, ToolchainInfo } from '@shared/models/app'

export function aboutFacts(
  app: AppInfo | undefined,
  toolchain: ToolchainInfo | undefined,
  userAgent: string
): readonly (readonly [string, string])[] {
  const chrome = app?.versions.chrome ?? /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent)?.[1]
  const rustc = toolchain?.rustc ? toolchain.rustc.version : toolchain?.problem ? 'not found' : '…'
  return [
    ['Crate Studio', app ? `${app.version} (${app.mode === 'desktop' ? 'desktop' : 'browser mode'})` : '…'],
    ['Electron', app?.versions.electron ?? (app?.mode === 'browser' ? 'none (browser mode)' : '…')],
    ['Chromium', chrome ?? 'unknown'],
    ['Node.js', app?.versions.node ?? '…'],
    ['rustc', rustc],
    ['Platform', app?.platform ?? '…']
  ]
}
