/**
 * Opens what the operating system asked for (a Cargo.toml double-clicked in the file manager,
 * a path on the command line, a second launch) and what is dropped onto the window. Requests
 * queue in main; the page takes them on start and whenever main says more arrived.
 */
import { useEffect, useRef, useState } from 'react'
import { api, onOpenRequested } from './api'
import { droppedPaths, mayHoldPaths } from './dropped-paths'

export interface OpenRequestsState {
  /** Something that may be a folder or Cargo.toml is being dragged over the window. */
  readonly dragging: boolean
  /** Set when a drop held no readable location (a browser page is not always told). */
  readonly dropProblem: string | undefined
  readonly clearDropProblem: () => void
}

export function useOpenRequests(open: (path: string) => void): OpenRequestsState {
  const latest = useRef(open)
  useEffect(() => {
    latest.current = open
  })
  const [dragging, setDragging] = useState(false)
  const [dropProblem, setDropProblem] = useState<string | undefined>()

  useEffect(() => {
    const take = () =>
      void api
        .takeOpenRequests()
        .then((paths) => {
          const last = paths.at(-1)
          if (last) latest.current(last)
        })
        .catch(() => undefined)
    take()
    return onOpenRequested(take)
  }, [])

  useEffect(() => {
    let depth = 0
    const over = (e: DragEvent) => {
      if (!e.dataTransfer || !mayHoldPaths([...e.dataTransfer.types])) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    }
    const enter = (e: DragEvent) => {
      if (!e.dataTransfer || !mayHoldPaths([...e.dataTransfer.types])) return
      depth += 1
      setDragging(true)
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      depth = 0
      setDragging(false)
      if (!e.dataTransfer || !mayHoldPaths([...e.dataTransfer.types])) return
      // Never let the page navigate to the dropped file.
      e.preventDefault()
      const [path] = droppedPaths(e.dataTransfer, window.desktop?.pathForFile)
      if (path === undefined) {
        setDropProblem('The drop did not say where the item is. Use Open Folder instead.')
        return
      }
      setDropProblem(undefined)
      latest.current(path)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])
  return { dragging, dropProblem, clearDropProblem: () => setDropProblem(undefined) }
}
