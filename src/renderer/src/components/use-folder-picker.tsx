/**
 * One way to ask for a folder in both modes: the native picker in the desktop app, else (or
 * when main answers `unsupported`) our own browser dialog. Render `element` somewhere.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { api, isApiError } from '../lib/api'
import { useAppInfo } from '../queries/app-queries'
import { FolderBrowserDialog } from './folder-browser-dialog'

interface Request {
  readonly title: string
  readonly initialPath: string
}

export interface FolderPicker {
  /** Resolves with the chosen folder, or null when the user cancels. */
  readonly pick: (title: string, initialPath?: string) => Promise<string | null>
  readonly element: ReactNode
}

export function useFolderPicker(): FolderPicker {
  const appInfo = useAppInfo().data
  const [request, setRequest] = useState<Request | undefined>()
  const resolver = useRef<((path: string | null) => void) | undefined>(undefined)

  const openBrowser = useCallback(
    (title: string, initialPath: string) =>
      new Promise<string | null>((resolve) => {
        resolver.current?.(null)
        resolver.current = resolve
        setRequest({ title, initialPath })
      }),
    []
  )

  const pick = useCallback(
    async (title: string, initialPath?: string): Promise<string | null> => {
      const start = initialPath || appInfo?.homeDir || '/'
      if (appInfo?.mode === 'desktop') {
        try {
          return await api.pickFolder({ title })
        } catch (e) {
          if (!isApiError(e) || e.code !== 'unsupported') throw e
        }
      }
      return openBrowser(title, start)
    },
    [appInfo, openBrowser]
  )

  const finish = (path: string | null): void => {
    resolver.current?.(path)
    resolver.current = undefined
    setRequest(undefined)
  }

  const element = request ? (
    <FolderBrowserDialog
      title={request.title}
      initialPath={request.initialPath}
      onChoose={(path) => finish(path)}
      onClose={() => finish(null)}
    />
  ) : null

  return { pick, element }
}
