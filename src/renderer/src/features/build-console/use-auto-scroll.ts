/**
 * Keeps a scrolling log pinned to its newest line, until the user scrolls up to read; scrolling
 * back to the bottom (or `resume`) pins it again, as terminals do.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'

const BOTTOM_SLACK_PX = 24

export function useAutoScroll(ref: RefObject<HTMLElement | null>, contentVersion: unknown) {
  const follow = useRef(true)
  const [following, setFollowing] = useState(true)

  useLayoutEffect(() => {
    const el = ref.current
    if (el && follow.current) el.scrollTop = el.scrollHeight
  }, [ref, contentVersion])

  const onScroll = useCallback(() => {
    const el = ref.current
    if (!el) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX
    follow.current = atBottom
    setFollowing(atBottom)
  }, [ref])

  const resume = useCallback(() => {
    follow.current = true
    setFollowing(true)
    const el = ref.current
    if (el) el.scrollTop = el.scrollHeight
  }, [ref])

  return { following, onScroll, resume }
}
