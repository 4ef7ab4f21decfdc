/**
 * Which console view is open: the log, the timeline or, for a test run, the test results.
 * Remembered for the session, so the next build opens where the person left off (each build
 * mounts a new console). Test runs remember their own choice and start on their results:
 * that is what a person pressing Test came to see.
 */
import { useCallback, useState } from 'react'

/** The tabs of the console; `tests` only for a test run. */
export type ConsoleView = 'log' | 'timeline' | 'tests'

const BUILD_KEY = 'crate-studio.console-view'
const TEST_KEY = 'crate-studio.test-console-view'

function stored(testRun: boolean): ConsoleView {
  const fallback: ConsoleView = testRun ? 'tests' : 'log'
  try {
    const value = sessionStorage.getItem(testRun ? TEST_KEY : BUILD_KEY)
    if (value === 'log' || value === 'timeline' || (testRun && value === 'tests')) return value
    return fallback
  } catch {
    return fallback // storage refused (privacy settings): fall back to the default
  }
}

/** The open view and a setter that also remembers it. */
export function useConsoleView(testRun: boolean): readonly [ConsoleView, (view: ConsoleView) => void] {
  const [view, setView] = useState<ConsoleView>(() => stored(testRun))
  const select = useCallback(
    (next: ConsoleView) => {
      setView(next)
      try {
        sessionStorage.setItem(testRun ? TEST_KEY : BUILD_KEY, next)
      } catch {
        // Not remembered, still shown.
      }
    },
    [testRun]
  )
  return [view, select]
}
