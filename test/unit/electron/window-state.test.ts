/** The remembered window: reopened where it was while a display shows it, never off-screen or oversized. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  placeOnDisplays,
  saveWindowState
} from '../../../src/main/window-state'
import { tempDir } from '../../helpers/temp-dir'

const laptop = { x: 0, y: 0, width: 1440, height: 870 }
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 }

describe('window state', () => {
  it('keeps a place that a display still shows', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: true }
    expect(placeOnDisplays(state, [laptop, monitor])).toEqual(state)
  })

  it('drops the place when its display is gone, and shrinks to the largest display', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false }
    expect(placeOnDisplays(state, [laptop])).toEqual({
      bounds: { width: 1440, height: 870 },
      maximized: false
    })
  })

  it('fits a window to the smaller display that shows it', () => {
    const state = { bounds: { x: 100, y: 50, width: 2400, height: 1300 }, maximized: false }
    expect(placeOnDisplays(state, [laptop, monitor])).toEqual({
      bounds: { x: 100, y: 50, width: 1440, height: 870 },
      maximized: false
    })
  })

  it('drops a place whose title bar is above every display', () => {
    const state = { bounds: { x: 100, y: -500, width: 1000, height: 700 }, maximized: false }
    expect(placeOnDisplays(state, [laptop]).bounds).toEqual({ width: 1000, height: 700 })
  })

  it('round-trips through the config folder and ignores a damaged file', async () => {
    const dir = await tempDir()
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
    const state = { bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true }
    saveWindowState(dir, state)
    expect(await loadWindowState(dir)).toEqual(state)
    await writeFile(join(dir, 'window-state.json'), '{"bounds": {"width": "wide"}}')
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
