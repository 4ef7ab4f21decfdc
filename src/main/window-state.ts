/**
 * The window's size, place and maximized state, remembered between runs in the config folder.
 * A saved place is used only while a display still shows it (a monitor unplugged since would
 * otherwise open the window off-screen); the size never exceeds the largest display.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeJsonFileAtomic } from './services/json-file'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface WindowState {
  readonly bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>
  readonly maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 840 }, maximized: false }
const MIN = { width: 800, height: 560 }

const size = z.number().int().min(1).max(100_000)
const coordinate = z.number().int().min(-100_000).max(100_000)
const schema = z.object({
  bounds: z.object({ x: coordinate.optional(), y: coordinate.optional(), width: size, height: size }),
  maximized: z.boolean()
})

const fileIn = (configDir: string) => join(configDir, 'window-state.json')

export function loadWindowState(configDir: string): Promise<WindowState> {
  return readJsonFile(fileIn(configDir), schema, DEFAULT_WINDOW_STATE)
}

export function saveWindowState(configDir: string, state: WindowState): Promise<void> {
  return writeJsonFileAtomic(fileIn(configDir), state)
}

/** Enough of the title bar on a display to grab it: its top strip must overlap one. */
function titleBarVisible(b: Rect, area: Rect): boolean {
  const strip = 40
  const overlapX = Math.min(b.x + b.width, area.x + area.width) - Math.max(b.x, area.x)
  const overlapY = Math.min(b.y + strip, area.y + area.height) - Math.max(b.y, area.y)
  return overlapX >= 100 && overlapY >= 20
}

/** The saved state made safe for the displays there are now (their work areas). */
export function placeOnDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const widest = Math.max(MIN.width, ...workAreas.map((a) => a.width))
  const tallest = Math.max(MIN.height, ...workAreas.map((a) => a.height))
  const width = Math.min(Math.max(state.bounds.width, MIN.width), widest)
  const height = Math.min(Math.max(state.bounds.height, MIN.height), tallest)
  const { x, y } = state.bounds
  const placed =
    x !== undefined && y !== undefined && workAreas.some((a) => titleBarVisible({ x, y, width, height }, a))
  return { bounds: placed ? { x, y, width, height } : { width, height }, maximized: state.maximized }
}
