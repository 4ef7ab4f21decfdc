/**
 * The scroll position and height of a scrolling element, kept current on scroll and resize:
 * what the virtualized tree needs to know which rows to render.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react'
import type { Viewport } from './model/virtual-range'

export function useViewport(ref: RefObject<HTMLElement | null>): readonly [Viewport, () => void] {
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: 0 })
  const measure = useCallback(() => {
    const el = ref.current
    if (!el) return
    const next = { scrollTop: el.scrollTop, height: el.clientHeight }
    setViewport((v) => (v.scrollTop === next.scrollTop && v.height === next.height ? v : next))
  }, [ref])
  // Measured before paint, so the first frame already shows the rows that fit.
  useLayoutEffect(() => {
    measure()
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, measure])
  return [viewport, measure]
}
