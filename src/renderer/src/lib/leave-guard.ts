/**
 * Asking before leaving a view that holds unsaved work (the manifest editor). Navigation calls
 * `confirmLeave()`; a view with something to lose registers a guard that asks the person (it
 * renders its own dialog) and answers whether leaving is fine.
 */
import { useEffect, useRef } from 'react'

type Guard = () => Promise<boolean>

const guards = new Set<Guard>()

/** True when every mounted guard agrees (or none is mounted). */
export async function confirmLeave(): Promise<boolean> {
  for (const guard of [...guards]) {
    if (!(await guard())) return false
  }
  return true
}

/** Registers `guard` while `active`; the latest closure is the one asked. */
export function useLeaveGuard(active: boolean, guard: Guard): void {
  const latest = useRef(guard)
  useEffect(() => {
    latest.current = guard
  })
  useEffect(() => {
    if (!active) return
    const ask: Guard = () => latest.current()
    guards.add(ask)
    return () => {
      guards.delete(ask)
    }
  }, [active])
}
