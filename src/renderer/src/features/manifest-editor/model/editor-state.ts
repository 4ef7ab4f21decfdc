/**
 * The manifest editor's state as one pure reducer: the text being edited, the analysis the
 * forms draw from, what is on disk (text and hash), the undo history and a pending outside
 * change. The hook (use-manifest-editor.ts) does the calls; everything it decides lives here.
 */
import type {
  ManifestAnalysis,
  ManifestChange,
  ManifestSnapshot,
  ManifestView
} from '@shared/models/manifest-edit'
import { assertNever } from '@shared/assert-never'
import { attachAnalysis, record, redo, sealPresent, startHistory, undo, type History } from './history'

export interface EditorState {
  /** The manifest's real path, as main returned it (push events name this one). */
  readonly path: string
  /** The text in the editor; the raw view shows it and every edit starts from it. */
  readonly text: string
  /** The latest analysis, and the exact text it describes (which may lag behind `text`). */
  readonly analysis: ManifestAnalysis
  readonly analyzedText: string
  /** The last view that parsed, so the forms stay on screen (read-only) while the text does not. */
  readonly lastView: ManifestView | undefined
  /** What the file held when opened or last saved (or what the user accepted from disk since). */
  readonly savedText: string
  /** The hash a save must match; an outside change the user chose to overwrite moves it. */
  readonly baseHash: string
  readonly history: History
  /** An outside change that met unsaved edits: the user decides what happens. */
  readonly conflict: ManifestChange | undefined
}

export type EditorAction =
  | { readonly type: 'opened'; readonly snapshot: ManifestSnapshot; readonly at: number }
  /** Raw typing: the text changes at once, its analysis comes later. */
  | { readonly type: 'typed'; readonly text: string; readonly at: number }
  /** An edit's result; applied only if the text it started from is still the editor's text. */
  | {
      readonly type: 'edited'
      readonly from: string
      readonly analysis: ManifestAnalysis
      readonly group?: string
      readonly at: number
    }
  | { readonly type: 'analyzed'; readonly text: string; readonly analysis: ManifestAnalysis }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  /** Ends a typing burst, so the next change is its own undo step. */
  | { readonly type: 'seal' }
  | { readonly type: 'saved'; readonly text: string; readonly baseHash: string }
  /** The file changed on disk. `busy`: edits are still on their way into the text. */
  | {
      readonly type: 'disk-changed'
      readonly change: ManifestChange
      readonly busy: boolean
      readonly at: number
    }
  | { readonly type: 'reload-from-disk'; readonly at: number }
  | { readonly type: 'keep-mine' }
  | { readonly type: 'merged'; readonly text: string; readonly at: number }

export function openedState(snapshot: ManifestSnapshot, at: number): EditorState {
  const analysis: ManifestAnalysis = {
    text: snapshot.text,
    view: snapshot.view,
    syntaxError: snapshot.syntaxError,
    problems: snapshot.problems
  }
  return {
    path: snapshot.path,
    text: snapshot.text,
    analysis,
    analyzedText: snapshot.text,
    lastView: snapshot.view,
    savedText: snapshot.text,
    baseHash: snapshot.baseHash,
    history: startHistory(snapshot.text, analysis, at),
    conflict: undefined
  }
}

/** Unsaved: the text differs from what the file holds (as far as the editor knows). */
export function isDirty(state: EditorState): boolean {
  return state.text !== state.savedText
}

/** The raw text changed since the last analysis, so the forms may be a moment behind. */
export function needsAnalysis(state: EditorState): boolean {
  return state.analyzedText !== state.text
}

/** The forms are read-only while the latest analysed text does not parse. */
export function isReadOnly(state: EditorState): boolean {
  return state.analysis.view === undefined
}

/** Moves the editor to a text, taking its analysis when it is known. */
function withText(
  state: EditorState,
  text: string,
  analysis: ManifestAnalysis | undefined,
  history: History
): EditorState {
  const next: EditorState = { ...state, text, history }
  return analysis ? withAnalysis(next, text, analysis) : next
}

function withAnalysis(state: EditorState, text: string, analysis: ManifestAnalysis): EditorState {
  return { ...state, analysis, analyzedText: text, lastView: analysis.view ?? state.lastView }
}

/** Takes the disk's text into the editor (outside change, or Reload in the conflict prompt). */
function takeDisk(state: EditorState, change: ManifestChange, at: number): EditorState {
  const history = sealPresent(record(sealPresent(state.history), change.text, { at }))
  return {
    ...withText(state, change.text, undefined, history),
    savedText: change.text,
    baseHash: change.hash,
    conflict: undefined
  }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'opened':
      return openedState(action.snapshot, action.at)
    case 'typed': {
      if (action.text === state.text) return state
      const history = record(state.history, action.text, { group: 'raw', at: action.at })
      return withText(state, action.text, undefined, history)
    }
    case 'edited': {
      if (action.from !== state.text) return state
      const text = action.analysis.text
      const history = record(state.history, text, {
        analysis: action.analysis,
        group: action.group,
        at: action.at
      })
      return withText(state, text, action.analysis, history)
    }
    case 'analyzed':
      if (action.text !== state.text) return state
      return {
        ...withAnalysis(state, action.text, action.analysis),
        history: attachAnalysis(state.history, action.analysis, action.text)
      }
    case 'undo':
    case 'redo': {
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history)
      if (history === state.history) return state
      return withText(state, history.present.text, history.present.analysis, history)
    }
    case 'seal':
      return { ...state, history: sealPresent(state.history) }
    case 'saved':
      return {
        ...state,
        savedText: action.text,
        baseHash: action.baseHash,
        history: sealPresent(state.history)
      }
    case 'disk-changed': {
      const { change } = action
      if (change.hash === state.baseHash && change.text === state.savedText) return state
      // The disk now holds what the editor holds: nothing to decide.
      if (change.text === state.text && !action.busy) {
        return { ...state, savedText: change.text, baseHash: change.hash, conflict: undefined }
      }
      if (!isDirty(state) && !action.busy && state.conflict === undefined)
        return takeDisk(state, change, action.at)
      return { ...state, conflict: change }
    }
    case 'reload-from-disk':
      return state.conflict ? takeDisk(state, state.conflict, action.at) : state
    case 'keep-mine':
      // The next save overwrites what is on disk now, knowingly: it must match the new hash.
      return state.conflict
        ? { ...state, savedText: state.conflict.text, baseHash: state.conflict.hash, conflict: undefined }
        : state
    case 'merged': {
      if (!state.conflict) return state
      const history = sealPresent(record(sealPresent(state.history), action.text, { at: action.at }))
      return {
        ...withText(state, action.text, undefined, history),
        savedText: state.conflict.text,
        baseHash: state.conflict.hash,
        conflict: undefined
      }
    }
    default:
      return assertNever(action, 'editor action')
  }
}
