/**
 * The manifest editor's behaviour: open/close, one queue for every call that produces text (so
 * edits apply in order and each starts from the latest text), debounced analysis of raw
 * typing, undo/redo, saving against the base hash, and outside changes from main.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ManifestAnalysis, ManifestChange, ManifestEdit } from '@shared/models/manifest-edit'
import { api, isApiError, onManifestChanged } from '../../lib/api'
import { holdManifest, releaseManifest } from './manifest-sessions'
import {
  editorReducer,
  needsAnalysis,
  openedState,
  type EditorAction,
  type EditorState
} from './model/editor-state'
import { toWireEdits } from './model/wire'

/** Raw typing is analysed this long after the last keystroke. */
export const ANALYZE_DELAY_MS = 250
/** An edit whose starting text changed under it is re-applied to the new text, a few times at most. */
const MAX_EDIT_ATTEMPTS = 5

export interface ActionError {
  readonly title: string
  readonly error: unknown
}

export type SaveOutcome = 'saved' | 'conflict'

/** The reducer's state in React state, mirrored in a ref so async work reads the latest. */
function useEditorState() {
  const [state, setState] = useState<EditorState | undefined>()
  const ref = useRef<EditorState | undefined>(undefined)
  const dispatch = useCallback((action: EditorAction): void => {
    const current = ref.current
    const next =
      action.type === 'opened'
        ? openedState(action.snapshot, action.at)
        : current && editorReducer(current, action)
    if (next === current) return
    ref.current = next
    setState(next)
  }, [])
  return { state, ref, dispatch }
}

/** Fields with typed text not yet sent register a flush here (see use-draft.ts). */
export interface DraftRegistry {
  readonly register: (flush: () => void) => () => void
}

export function useManifestEditor(manifestPath: string, onDiskTextChanged?: () => void) {
  const { state, ref, dispatch } = useEditorState()
  const [openError, setOpenError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [actionError, setActionError] = useState<ActionError | undefined>()
  const [busy, setBusy] = useState(false)
  /** Bumped when typed-but-unsent field text must be dropped (a failed edit, a conflict settled). */
  const [generation, setGeneration] = useState(0)
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const pending = useRef(0)
  const drafts = useRef(new Set<() => void>())
  const notify = useRef(onDiskTextChanged)
  useEffect(() => {
    notify.current = onDiskTextChanged
  })

  useEffect(() => {
    let live = true
    holdManifest(manifestPath)
    api
      .openManifest({ path: manifestPath })
      .then((snapshot) => {
        if (!live) return
        setOpenError(undefined)
        dispatch({ type: 'opened', snapshot, at: Date.now() })
      })
      .catch((e: unknown) => live && setOpenError(e))
    return () => {
      live = false
      releaseManifest(manifestPath)
    }
  }, [manifestPath, attempt, dispatch])

  /** Runs `task` after every earlier one; `busy` while any is queued. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    pending.current++
    setBusy(true)
    const run = chain.current.then(task)
    chain.current = run
      .catch(() => undefined)
      .finally(() => {
        pending.current--
        if (pending.current === 0) setBusy(false)
      })
    return run
  }, [])

  const fail = useCallback((title: string, error: unknown) => {
    setActionError({ title, error })
    setGeneration((g) => g + 1)
  }, [])

  const edit = useCallback(
    (edits: readonly ManifestEdit[], group?: string): Promise<void> =>
      enqueue(async () => {
        for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
          const current = ref.current
          if (!current) return
          const from = current.text
          const analysis = await api.editManifest({
            path: current.path,
            text: from,
            edits: toWireEdits(edits)
          })
          if (ref.current?.text === from) {
            dispatch({ type: 'edited', from, analysis, group, at: Date.now() })
            setActionError(undefined)
            return
          }
        }
        throw new Error('The text kept changing while the edit was applied; try again.')
      }).catch((e: unknown) => fail('Could not apply the change', e)),
    [enqueue, ref, dispatch, fail]
  )

  /** Computes edits without applying them (modernise shows the result first). */
  const preview = useCallback(
    (edits: readonly ManifestEdit[]) =>
      enqueue(async () => {
        const current = ref.current
        if (!current) throw new Error('The manifest is not open.')
        const analysis = await api.editManifest({
          path: current.path,
          text: current.text,
          edits: toWireEdits(edits)
        })
        return { from: current.text, analysis }
      }),
    [enqueue, ref]
  )

  const acceptPreview = useCallback(
    (from: string, analysis: ManifestAnalysis, edits: readonly ManifestEdit[]): void => {
      if (ref.current?.text === from) dispatch({ type: 'edited', from, analysis, at: Date.now() })
      else void edit(edits)
    },
    [ref, dispatch, edit]
  )

  const typeRaw = useCallback((text: string) => dispatch({ type: 'typed', text, at: Date.now() }), [dispatch])

  // Analyse the text once typing pauses (also after undo to a text never analysed, or a reload).
  const text = state?.text
  const stale = state !== undefined && needsAnalysis(state)
  useEffect(() => {
    if (!stale || text === undefined) return
    const timer = setTimeout(() => {
      const path = ref.current?.path
      if (!path) return
      api
        .analyzeManifest({ path, text })
        .then((analysis) => dispatch({ type: 'analyzed', text, analysis }))
        .catch((e: unknown) => setActionError({ title: 'Could not check the TOML', error: e }))
    }, ANALYZE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [stale, text, ref, dispatch])

  /** Sends every field's unsent text, then waits until the queue is empty. */
  const settle = useCallback(async (): Promise<void> => {
    for (const flush of [...drafts.current]) flush()
    while (pending.current > 0) await chain.current
  }, [])

  // Every field's typing was sent by settle(); the fields then show the undone text (a draft
  // could otherwise survive when the echo of its edit and the undo land in one render).
  const undo = useCallback(() => {
    void settle().then(() => {
      dispatch({ type: 'undo' })
      setGeneration((g) => g + 1)
    })
  }, [settle, dispatch])
  const redo = useCallback(() => {
    void settle().then(() => {
      dispatch({ type: 'redo' })
      setGeneration((g) => g + 1)
    })
  }, [settle, dispatch])
  const seal = useCallback(() => dispatch({ type: 'seal' }), [dispatch])

  const save = useCallback(
    async (text: string): Promise<SaveOutcome> => {
      const current = ref.current
      if (!current) throw new Error('The manifest is not open.')
      try {
        const { baseHash } = await api.saveManifest({ path: current.path, text, baseHash: current.baseHash })
        dispatch({ type: 'saved', text, baseHash })
        notify.current?.()
        return 'saved'
      } catch (e) {
        if (!isApiError(e) || e.code !== 'conflict') throw e
        // Someone changed the file since: read what it holds now and let the person decide.
        const disk = await api.openManifest({ path: current.path })
        dispatch({
          type: 'disk-changed',
          change: { path: current.path, hash: disk.baseHash, text: disk.text },
          busy: false,
          at: Date.now()
        })
        return 'conflict'
      }
    },
    [ref, dispatch]
  )

  useEffect(() => {
    const path = state?.path
    if (!path) return
    return onManifestChanged((change: ManifestChange) => {
      if (change.path !== path && change.path !== manifestPath) return
      const busyNow = pending.current > 0 || drafts.current.size > 0
      const before = ref.current?.text
      dispatch({ type: 'disk-changed', change: { ...change, path }, busy: busyNow, at: Date.now() })
      if (ref.current?.text !== before) setGeneration((g) => g + 1)
      // The file is different now, whatever the editor does about it: the overview re-reads it.
      notify.current?.()
    })
  }, [state?.path, manifestPath, ref, dispatch])

  const resolve = useMemo(
    () => ({
      reload: () => {
        dispatch({ type: 'reload-from-disk', at: Date.now() })
        setGeneration((g) => g + 1)
      },
      keepMine: () => dispatch({ type: 'keep-mine' }),
      merged: (text: string) => {
        dispatch({ type: 'merged', text, at: Date.now() })
        setGeneration((g) => g + 1)
      }
    }),
    [dispatch]
  )

  const draftRegistry: DraftRegistry = useMemo(
    () => ({
      register: (flush) => {
        drafts.current.add(flush)
        return () => {
          drafts.current.delete(flush)
        }
      }
    }),
    []
  )

  return {
    state,
    /** The latest state, for code that runs after awaiting (the render's `state` may be older). */
    getState: useCallback(() => ref.current, [ref]),
    openError,
    retryOpen: () => setAttempt((a) => a + 1),
    busy,
    actionError,
    clearActionError: () => setActionError(undefined),
    generation,
    drafts: draftRegistry,
    edit,
    preview,
    acceptPreview,
    typeRaw,
    undo,
    redo,
    seal,
    settle,
    save,
    resolve
  }
}

export type ManifestEditorController = ReturnType<typeof useManifestEditor>
