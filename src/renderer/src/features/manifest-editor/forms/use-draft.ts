/**
 * Typing into a form field: the text shows at once (a local draft) and is sent as an edit a
 * moment after typing pauses, or on blur. The draft stays until the document moves on without
 * it (undo, a reload, a failed edit), so no keystroke is lost while the engine answers.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useForm } from './form-context'

export const COMMIT_DELAY_MS = 300

interface Seen {
  readonly value: string
  readonly generation: number
}

/**
 * `value`: the document's value as text. `normalize`: how the document will show a typed text
 * once committed (a list drops blank lines), so the echo of our own edit is recognised.
 */
export function useDraft(
  value: string,
  commit: (text: string) => void,
  normalize: (text: string) => string = (t) => t
) {
  const { generation, drafts } = useForm()
  const [draft, setDraft] = useState<string | undefined>()
  const [expected, setExpected] = useState<string | undefined>()
  const [seen, setSeen] = useState<Seen>({ value, generation })
  if (seen.value !== value || seen.generation !== generation) {
    setSeen({ value, generation })
    // The document changed by something other than this field's own edit: show it.
    if (draft !== undefined && (generation !== seen.generation || value !== expected)) setDraft(undefined)
  }

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef<string | undefined>(undefined)
  const unregister = useRef<(() => void) | undefined>(undefined)
  const commitRef = useRef(commit)
  const normalizeRef = useRef(normalize)
  useEffect(() => {
    commitRef.current = commit
    normalizeRef.current = normalize
  })

  const stop = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current)
    timer.current = undefined
    unregister.current?.()
    unregister.current = undefined
  }, [])

  const flush = useCallback(() => {
    if (timer.current === undefined) return
    stop()
    const text = latest.current
    if (text === undefined) return
    setExpected(normalizeRef.current(text))
    commitRef.current(text)
  }, [stop])

  const onChange = (text: string): void => {
    setDraft(text)
    latest.current = text
    if (timer.current === undefined) unregister.current = drafts.register(flush)
    else clearTimeout(timer.current)
    timer.current = setTimeout(flush, COMMIT_DELAY_MS)
  }

  // A dropped draft must not be sent later.
  useEffect(() => {
    if (draft === undefined) stop()
  }, [draft, stop])
  // Leaving (a row collapses, the view changes) still sends what was typed.
  useEffect(() => flush, [flush])

  return { value: draft ?? value, onChange, onBlur: flush }
}
