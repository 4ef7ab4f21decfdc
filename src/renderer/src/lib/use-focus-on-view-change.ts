/**
 * After moving to another view, focus goes to its heading, so a keyboard or screen-reader user
 * lands at the top of the new screen instead of on the page body. A view that focused a
 * control of its own (the wizard's Name) keeps it. A project's heading appears once it has
 * loaded, so this waits for it a little.
 */
import { useEffect, useRef } from 'react'

const WAIT_MS = 50
const TRIES = 40

export function useFocusOnViewChange(viewKey: string): void {
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    let tries = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = (): void => {
      const main = document.querySelector<HTMLElement>('.app > main')
      const active = document.activeElement
      if (main && active && active !== document.body && main.contains(active)) return
      const heading = main?.querySelector<HTMLElement>('h1')
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
        heading.focus({ preventScroll: true })
        return
      }
      if (++tries < TRIES) timer = setTimeout(tick, WAIT_MS)
    }
    timer = setTimeout(tick, 0)
    return () => clearTimeout(timer)
  }, [viewKey])
}
