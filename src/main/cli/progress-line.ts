/**
 * cargo's progress bar on a terminal (`    Building [=====>    ] 12/40: serde, syn`): one line
 * redrawn in place, cleared before anything else is printed so it never mixes with output.
 */
const BAR_WIDTH = 25

/** The bar's text for `done` of `total` units, naming what runs now, cut to `columns`. */
export function progressText(
  done: number,
  total: number,
  running: readonly string[],
  columns: number
): string {
  const filled = total === 0 ? 0 : Math.floor((done / total) * BAR_WIDTH)
  const bar =
    filled >= BAR_WIDTH
      ? '='.repeat(BAR_WIDTH)
      : `${'='.repeat(filled)}>${' '.repeat(BAR_WIDTH - filled - 1)}`
  const text = `    Building [${bar}] ${done}/${total}${running.length ? `: ${running.join(', ')}` : ''}`
  return text.length > columns ? `${text.slice(0, Math.max(0, columns - 3))}...` : text
}

/** Tracks units from build events and redraws through `draw` (undefined clears the line). */
export function progressTracker(draw: (line: string | undefined) => void, columns: () => number) {
  let total = 0
  let done = 0
  const running = new Map<string, string>()
  // Every planned unit finishes one way or another (done, fresh, failed, skipped): the bar goes
  // away with the last.
  const redraw = () =>
    draw(total > 0 && done < total ? progressText(done, total, [...running.values()], columns()) : undefined)
  return {
    planned(units: number) {
      total = units
      done = 0
      running.clear()
      redraw()
    },
    started(unitId: string, name: string) {
      running.set(unitId, name)
      redraw()
    },
    finished(unitId: string) {
      running.delete(unitId)
      done++
      redraw()
    },
    clear() {
      total = 0
      draw(undefined)
    }
  }
}
