/**
 * Undo and redo over whole texts. Form edits and raw typing are both just a new text, so one
 * history serves both; a burst of keystrokes in the same place becomes one step, as in any
 * editor. Each entry may carry the analysis of its text, so undo redraws the forms at once.
 */
import type { ManifestAnalysis } from '@shared/models/manifest-edit'

export interface HistoryEntry {
  readonly text: string
  /** The analysis of exactly this text, when known. */
  readonly analysis?: ManifestAnalysis
  /** Changes with the same group close together in time merge into one step. */
  readonly group?: string
  readonly at: number
}

export interface History {
  readonly past: readonly HistoryEntry[]
  readonly present: HistoryEntry
  readonly future: readonly HistoryEntry[]
}

/** How many steps are kept; older ones are dropped (texts are small, but not free). */
export const MAX_HISTORY = 200
/** Keystrokes (or debounced field commits) closer than this in the same group are one step. */
export const COALESCE_MS = 1500

export function startHistory(text: string, analysis: ManifestAnalysis | undefined, at: number): History {
  return { past: [], present: { text, analysis, at }, future: [] }
}

export interface RecordOptions {
  readonly analysis?: ManifestAnalysis
  readonly group?: string
  readonly at: number
}

/** Adds a new text as the present; redo is gone, as in every editor. */
export function record(history: History, text: string, options: RecordOptions): History {
  const { present } = history
  if (text === present.text) {
    return options.analysis ? { ...history, present: { ...present, analysis: options.analysis } } : history
  }
  const entry: HistoryEntry = { text, analysis: options.analysis, group: options.group, at: options.at }
  const coalesce =
    options.group !== undefined &&
    present.group === options.group &&
    history.future.length === 0 &&
    options.at - present.at <= COALESCE_MS
  if (coalesce) return { ...history, present: entry }
  const past = [...history.past, present]
  return {
    past: past.length > MAX_HISTORY ? past.slice(past.length - MAX_HISTORY) : past,
    present: entry,
    future: []
  }
}

/** Remembers the analysis of the present text (it arrives after the text did). */
export function attachAnalysis(history: History, analysis: ManifestAnalysis, text: string): History {
  if (history.present.text !== text) return history
  return { ...history, present: { ...history.present, analysis } }
}

/** Ends the current group, so the next change starts a new step (after undo, save, focus moves). */
export function sealPresent(history: History): History {
  return history.present.group === undefined
    ? history
    : { ...history, present: { ...history.present, group: undefined } }
}

export function canUndo(history: History): boolean {
  return history.past.length > 0
}

export function canRedo(history: History): boolean {
  return history.future.length > 0
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1]
  if (!previous) return history
  return {
    past: history.past.slice(0, -1),
    present: { ...previous, group: undefined },
    future: [{ ...history.present, group: undefined }, ...history.future]
  }
}

export function redo(history: History): History {
  const [next, ...rest] = history.future
  if (!next) return history
  return { past: [...history.past, history.present], present: next, future: rest }
}
