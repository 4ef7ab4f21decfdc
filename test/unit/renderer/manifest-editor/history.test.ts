import { describe, expect, it } from 'vitest'
import {
  COALESCE_MS,
  MAX_HISTORY,
  attachAnalysis,
  canRedo,
  canUndo,
  record,
  redo,
  sealPresent,
  startHistory,
  undo
} from '../../../../src/renderer/src/features/manifest-editor/model/history'
import { analysis } from './fixtures'

describe('text history', () => {
  it('undoes and redoes whole texts, keeping each entry analysis', () => {
    let h = startHistory('a', analysis('a'), 0)
    h = record(h, 'b', { analysis: analysis('b'), at: 10 })
    h = record(h, 'c', { at: 20 })
    expect(canUndo(h)).toBe(true)
    h = undo(h)
    expect(h.present.text).toBe('b')
    expect(h.present.analysis?.text).toBe('b')
    expect(canRedo(h)).toBe(true)
    h = redo(h)
    expect(h.present.text).toBe('c')
    expect(undo(undo(undo(h))).present.text).toBe('a')
    expect(redo(h)).toBe(h)
  })

  it('merges a burst in one group into one step, and not across groups or pauses', () => {
    let h = startHistory('', undefined, 0)
    h = record(h, 'h', { group: 'raw', at: 100 })
    h = record(h, 'he', { group: 'raw', at: 200 })
    h = record(h, 'hey', { group: 'raw', at: 300 })
    expect(h.past.map((e) => e.text)).toEqual([''])
    h = record(h, 'hey!', { group: 'raw', at: 300 + COALESCE_MS + 1 })
    expect(h.past.map((e) => e.text)).toEqual(['', 'hey'])
    h = record(h, 'hey!?', { group: 'field:x', at: 300 + COALESCE_MS + 2 })
    expect(h.past.map((e) => e.text)).toEqual(['', 'hey', 'hey!'])
  })

  it('starts a new step after a seal or an undo', () => {
    let h = startHistory('', undefined, 0)
    h = record(h, 'a', { group: 'raw', at: 1 })
    h = sealPresent(h)
    h = record(h, 'ab', { group: 'raw', at: 2 })
    expect(h.past.map((e) => e.text)).toEqual(['', 'a'])
    h = undo(h)
    h = record(h, 'ax', { group: 'raw', at: 3 })
    expect(h.past.map((e) => e.text)).toEqual(['', 'a'])
    expect(h.future).toEqual([])
  })

  it('records nothing for the same text, but keeps a newly known analysis', () => {
    const h = startHistory('a', undefined, 0)
    expect(record(h, 'a', { at: 1 })).toBe(h)
    expect(record(h, 'a', { at: 1, analysis: analysis('a') }).present.analysis?.text).toBe('a')
    expect(attachAnalysis(h, analysis('a'), 'a').present.analysis?.text).toBe('a')
    expect(attachAnalysis(h, analysis('b'), 'b')).toBe(h)
  })

  it('keeps at most MAX_HISTORY steps', () => {
    let h = startHistory('0', undefined, 0)
    for (let i = 1; i <= MAX_HISTORY + 20; i++) h = record(h, String(i), { at: i })
    expect(h.past).toHaveLength(MAX_HISTORY)
    expect(h.past[0]?.text).toBe('20')
  })
})
