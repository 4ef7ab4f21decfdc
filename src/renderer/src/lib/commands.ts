/**
 * App commands from the menu (desktop) or our own shortcuts (browser) funnel through one bus,
 * so whichever view is on screen handles the ones it can (only the project view builds).
 */
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '@shared/models/app'

type Handler = () => void

const handlers = new Map<MenuCommand, Set<Handler>>()

/** Delivers a command to the mounted views that handle it; returns whether anyone did. */
export function dispatchCommand(command: MenuCommand): boolean {
  const set = handlers.get(command)
  if (!set || set.size === 0) return false
  for (const handler of [...set]) handler()
  return true
}

/** Handles `command` while the calling component is mounted, always with its latest closure. */
export function useCommand(command: MenuCommand, handler: Handler): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const run = (): void => latest.current()
    let set = handlers.get(command)
    if (!set) handlers.set(command, (set = new Set()))
    set.add(run)
    return () => {
      set.delete(run)
    }
  }, [command])
}

/** Whether a modal dialog owns the keyboard right now (Escape then belongs to it). */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null
}
