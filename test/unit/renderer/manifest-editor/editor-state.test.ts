import { describe, expect, it } from 'vitest'
import type { ManifestChange } from '@shared/models/manifest-edit'
import {
  editorReducer,
  isDirty,
  isReadOnly,
  needsAnalysis,
  openedState,
  type EditorAction,
  type EditorState
} from '../../../../src/renderer/src/features/manifest-editor/model/editor-state'
import { analysis, broken, PATH, snapshot } from './fixtures'

const A = '[package]\nname = "a"\n'
const B = '[package]\nname = "b"\n'
const C = '[package]\nname = "c"\n'

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state)
}

const opened = (): EditorState => openedState(snapshot(A, 'h1', { package: { name: 'a' } }), 0)
const change = (text: string, hash: string): ManifestChange => ({ path: PATH, hash, text })

describe('manifest editor state', () => {
  it('opens clean, with the snapshot as text, analysis and saved text', () => {
    const s = opened()
    expect(s.text).toBe(A)
    expect(isDirty(s)).toBe(false)
    expect(needsAnalysis(s)).toBe(false)
    expect(isReadOnly(s)).toBe(false)
    expect(s.baseHash).toBe('h1')
  })

  it('takes typing at once and its analysis later, only if it is still the text', () => {
    let s = run(opened(), { type: 'typed', text: B, at: 1 })
    expect(s.text).toBe(B)
    expect(isDirty(s)).toBe(true)
    expect(needsAnalysis(s)).toBe(true)
    // An answer for an older text is dropped.
    s = run(s, { type: 'analyzed', text: A, analysis: analysis(A) })
    expect(needsAnalysis(s)).toBe(true)
    s = run(s, { type: 'analyzed', text: B, analysis: analysis(B, { package: { name: 'b' } }) })
    expect(needsAnalysis(s)).toBe(false)
    expect(s.analysis.view?.document).toEqual({ package: { name: 'b' } })
  })

  it('applies an edit only when its starting text is still the editor text', () => {
    const s = opened()
    const stale = run(
      s,
      { type: 'typed', text: C, at: 1 },
      { type: 'edited', from: A, analysis: analysis(B), at: 2 }
    )
    expect(stale.text).toBe(C)
    const applied = run(s, { type: 'edited', from: A, analysis: analysis(B), at: 2 })
    expect(applied.text).toBe(B)
    expect(needsAnalysis(applied)).toBe(false)
  })

  it('keeps the last parsed view for the forms while the text does not parse', () => {
    const s = run(
      opened(),
      { type: 'typed', text: '[package', at: 1 },
      { type: 'analyzed', text: '[package', analysis: broken('[package') }
    )
    expect(isReadOnly(s)).toBe(true)
    expect(s.lastView?.document).toEqual({ package: { name: 'a' } })
    expect(s.analysis.syntaxError?.line).toBe(1)
  })

  it('undoes to the previous text with its analysis, and redoes', () => {
    let s = run(opened(), {
      type: 'edited',
      from: A,
      analysis: analysis(B, { package: { name: 'b' } }),
      at: 1
    })
    s = run(s, { type: 'undo' })
    expect(s.text).toBe(A)
    expect(s.analysis.view?.document).toEqual({ package: { name: 'a' } })
    expect(needsAnalysis(s)).toBe(false)
    s = run(s, { type: 'redo' })
    expect(s.text).toBe(B)
    expect(run(s, { type: 'redo' })).toBe(s)
  })

  it('undo to raw typing never analysed asks for an analysis', () => {
    const s = run(
      opened(),
      { type: 'typed', text: B, at: 1 },
      { type: 'seal' },
      { type: 'typed', text: C, at: 2 },
      { type: 'undo' }
    )
    expect(s.text).toBe(B)
    expect(needsAnalysis(s)).toBe(true)
  })

  it('saving moves the saved text and the hash', () => {
    const s = run(opened(), { type: 'typed', text: B, at: 1 }, { type: 'saved', text: B, baseHash: 'h2' })
    expect(isDirty(s)).toBe(false)
    expect(s.baseHash).toBe('h2')
  })

  describe('outside changes', () => {
    it('reload silently when nothing is unsaved', () => {
      const s = run(opened(), { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 1 })
      expect(s.text).toBe(B)
      expect(s.savedText).toBe(B)
      expect(s.baseHash).toBe('h2')
      expect(s.conflict).toBeUndefined()
      expect(needsAnalysis(s)).toBe(true)
      // The reload is an undo step like any other.
      expect(run(s, { type: 'undo' }).text).toBe(A)
    })

    it('ask when there are unsaved changes, or edits still on their way', () => {
      const dirty = run(
        opened(),
        { type: 'typed', text: C, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 }
      )
      expect(dirty.text).toBe(C)
      expect(dirty.conflict?.hash).toBe('h2')
      expect(dirty.baseHash).toBe('h1')
      const busy = run(opened(), { type: 'disk-changed', change: change(B, 'h2'), busy: true, at: 1 })
      expect(busy.text).toBe(A)
      expect(busy.conflict?.hash).toBe('h2')
    })

    it('a later change replaces the pending one', () => {
      const s = run(
        opened(),
        { type: 'typed', text: C, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 },
        { type: 'disk-changed', change: change('x = 1\n', 'h3'), busy: false, at: 3 }
      )
      expect(s.conflict?.hash).toBe('h3')
    })

    it('when the disk now holds exactly the editor text, only the hash moves', () => {
      const s = run(
        opened(),
        { type: 'typed', text: B, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 }
      )
      expect(s.conflict).toBeUndefined()
      expect(isDirty(s)).toBe(false)
      expect(s.baseHash).toBe('h2')
    })

    it('ignores a change it already knows', () => {
      const s = opened()
      expect(run(s, { type: 'disk-changed', change: change(A, 'h1'), busy: false, at: 1 })).toBe(s)
    })

    it('Reload takes the disk text and drops mine', () => {
      const s = run(
        opened(),
        { type: 'typed', text: C, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 },
        { type: 'reload-from-disk', at: 3 }
      )
      expect(s.text).toBe(B)
      expect(isDirty(s)).toBe(false)
      expect(s.baseHash).toBe('h2')
      expect(s.conflict).toBeUndefined()
    })

    it('Keep mine keeps the text; the next save overwrites the new file knowingly', () => {
      const s = run(
        opened(),
        { type: 'typed', text: C, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 },
        { type: 'keep-mine' }
      )
      expect(s.text).toBe(C)
      expect(s.savedText).toBe(B)
      expect(s.baseHash).toBe('h2')
      expect(isDirty(s)).toBe(true)
      expect(s.conflict).toBeUndefined()
    })

    it('Merge puts the merged text in the editor, unsaved, against the new hash', () => {
      const s = run(
        opened(),
        { type: 'typed', text: C, at: 1 },
        { type: 'disk-changed', change: change(B, 'h2'), busy: false, at: 2 },
        { type: 'merged', text: 'merged\n', at: 3 }
      )
      expect(s.text).toBe('merged\n')
      expect(s.savedText).toBe(B)
      expect(s.baseHash).toBe('h2')
      expect(isDirty(s)).toBe(true)
      expect(run(s, { type: 'undo' }).text).toBe(C)
    })

    it('conflict answers without a pending change do nothing', () => {
      const s = opened()
      expect(run(s, { type: 'keep-mine' })).toBe(s)
      expect(run(s, { type: 'reload-from-disk', at: 1 })).toBe(s)
      expect(run(s, { type: 'merged', text: 'x', at: 1 })).toBe(s)
    })
  })
})
