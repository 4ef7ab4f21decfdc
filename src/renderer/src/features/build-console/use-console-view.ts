/**
 * Which console view is open, the log or the timeline. Remembered for the session, so the
 * next build opens where the person left off (each build mounts a new console).
 */
import { useCallback, useState } from 'react'

/** The two tabs of the console. */
export type ConsoleView = 'log' | 'timeline'

const STORAGE_KEY = 'crate-studio.console-view'

function stored(): ConsoleView {
  try {
    return sessionStorage.getItem(STORAGE_KEY) === 'timeline' ? 'timeline' : 'log'
  } catch {
    return 'log' // storage refused (privacy settings): fall back to the log
  }
}

/** The open view and a setter that also remembers it. */
export function useConsoleView(): readonly [ConsoleView, (view: ConsoleView) => void] {
  const [view, setView] = useState<ConsoleView>(stored)
  const select = useCallback((next: ConsoleView) => {
    setView(next)
    try {
      sessionStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered, still shown.
    }
  }, [])
  return [view, select]
}
