/**
 * The engine's clock (ms since the build started, the unit of every event's `at`), advanced
 * locally between events. The renderer's own start time would run ahead of it by however long
 * resolving took, so the clock is anchored on the latest event instead.
 */
import { useEffect, useRef, useState } from 'react'

/** Ticks every `intervalMs` while `active`; never behind the latest event. */
export function useEngineNow(latestAt: number, active: boolean, intervalMs: number): number {
  const anchor = useRef<{ readonly at: number; readonly clock: number } | undefined>(undefined)
  const [now, setNow] = useState(latestAt)
  useEffect(() => {
    anchor.current = { at: latestAt, clock: Date.now() }
  }, [latestAt])
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      const a = anchor.current
      if (a) setNow(a.at + Math.max(0, Date.now() - a.clock))
    }, intervalMs)
    return () => clearInterval(timer)
  }, [active, intervalMs])
  return Math.max(now, latestAt)
}
