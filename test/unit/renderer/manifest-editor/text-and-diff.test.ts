import { describe, expect, it } from 'vitest'
import {
  diffSummary,
  unifiedDiff
} from '../../../../src/renderer/src/features/manifest-editor/model/unified-diff'
import { countLines, lineStart } from '../../../../src/renderer/src/features/manifest-editor/model/text-lines'
import { shortcutOf } from '../../../../src/renderer/src/features/manifest-editor/model/shortcuts'

describe('unified diff rows', () => {
  it('numbers both sides and counts changes', () => {
    const diff = unifiedDiff('a\nb\nc\n', 'a\nB\nc\nd\n')
    expect(diff.rows[0]).toEqual({ kind: 'hunk', text: '@@ -1,3 +1,4 @@' })
    expect(diff.rows.slice(1)).toEqual([
      { kind: 'context', oldLine: 1, newLine: 1, text: 'a' },
      { kind: 'removed', oldLine: 2, text: 'b' },
      { kind: 'added', newLine: 2, text: 'B' },
      { kind: 'context', oldLine: 3, newLine: 3, text: 'c' },
      { kind: 'added', newLine: 4, text: 'd' }
    ])
    expect(diffSummary(diff)).toBe('2 lines added, 1 removed')
  })

  it('says when nothing visible changes and marks a missing final newline', () => {
    expect(unifiedDiff('a\n', 'a\n').rows).toEqual([])
    expect(unifiedDiff('a', 'a\nb').rows.some((r) => r.kind === 'note')).toBe(true)
  })
})

describe('raw view lines', () => {
  it('finds line starts and counts lines', () => {
    const text = 'one\ntwo\nthree'
    expect(lineStart(text, 1)).toBe(0)
    expect(lineStart(text, 3)).toBe(8)
    expect(lineStart(text, 9)).toBe(text.length)
    expect(countLines(text)).toBe(3)
    expect(countLines('')).toBe(1)
    expect(countLines('a\n')).toBe(2)
  })
})

describe('editor shortcuts', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods
  })
  it('maps save, undo and redo on both platforms', () => {
    expect(shortcutOf(key('s', { ctrlKey: true }))).toBe('save')
    expect(shortcutOf(key('s', { metaKey: true }))).toBe('save')
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('undo')
    expect(shortcutOf(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(shortcutOf(key('y', { ctrlKey: true }))).toBe('redo')
    expect(shortcutOf(key('y', { metaKey: true }))).toBeUndefined()
    expect(shortcutOf(key('s'))).toBeUndefined()
    expect(shortcutOf(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined()
  })
})
