import { describe, expect, it } from 'vitest'
import {
  ancestorKeys,
  CARGO_EXPANSION,
  COLLAPSED,
  isExpanded,
  revealKeys,
  setExpanded
} from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import { keyAction, typeAhead } from '../../../../src/renderer/src/features/dependency-tree/model/tree-keys'
import type { TreeRow } from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { smallWorkspace } from './fixtures'
import { rowsOf } from './helpers'

describe('expansion', () => {
  it('opens first occurrences by default, never repeats, and remembers choices per row', () => {
    expect(isExpanded(CARGO_EXPANSION, '0.1', true)).toBe(true)
    expect(isExpanded(CARGO_EXPANSION, '0.1', false)).toBe(false)
    expect(isExpanded(COLLAPSED, '0.1', true)).toBe(false)
    const e = setExpanded(CARGO_EXPANSION, ['0.1'], false)
    expect(isExpanded(e, '0.1', true)).toBe(false)
    expect(isExpanded(e, '0.2', true)).toBe(true)
  })

  it('reveals a row by opening its ancestors, and changes nothing when they are open already', () => {
    expect(ancestorKeys('3.10.22.7')).toEqual(['3', '3.10', '3.10.22'])
    expect(ancestorKeys('3')).toEqual([])
    const e = revealKeys(COLLAPSED, ['3.10.22'])
    expect([...e.overrides]).toEqual([
      ['3', true],
      ['3.10', true]
    ])
    expect(revealKeys(e, ['3.10.5'])).toBe(e)
  })
})

describe('tree keys (WAI-ARIA tree pattern)', () => {
  const { index, rows } = rowsOf(smallWorkspace())
  const nameAt = (i: number): string => {
    const row = rows[i]
    return row?.type === 'package' ? index.packages[row.pkg]!.name : `heading ${i}`
  }
  const find = (name: string, repeat = false): number =>
    rows.findIndex((r) => r.type === 'package' && index.packages[r.pkg]!.name === name && r.repeat === repeat)
  const press = (focus: number, key: string) => keyAction(rows, focus, key, 10)
  const headingAt = rows.findIndex((r) => r.type === 'heading')

  it('moves up and down over package rows, skipping headings', () => {
    expect(press(0, 'ArrowDown')).toEqual({ type: 'focus', index: 1 })
    expect(press(1, 'ArrowUp')).toEqual({ type: 'focus', index: 0 })
    expect(press(0, 'ArrowUp')).toBeUndefined()
    expect(press(headingAt - 1, 'ArrowDown')).toEqual({ type: 'focus', index: headingAt + 1 })
    expect(press(headingAt + 1, 'ArrowUp')).toEqual({ type: 'focus', index: headingAt - 1 })
  })

  it('Right opens a closed row, then enters it; Left closes an open row, then goes to the parent', () => {
    const repeat = find('proc-macro2', true)
    expect(press(repeat, 'ArrowRight')).toEqual({ type: 'expand', index: repeat })
    expect(press(0, 'ArrowRight')).toEqual({ type: 'focus', index: 1 })
    const leaf = find('unicode-ident')
    expect(press(leaf, 'ArrowRight')).toBeUndefined()
    expect(press(0, 'ArrowLeft')).toEqual({ type: 'collapse', index: 0 })
    expect(press(leaf, 'ArrowLeft')).toEqual({
      type: 'focus',
      index: (rows[leaf] as { parent: number }).parent
    })
    expect(press(repeat, 'ArrowLeft')).toEqual({
      type: 'focus',
      index: (rows[repeat] as { parent: number }).parent
    })
  })

  it('Home, End, PageUp and PageDown jump; Enter and Space select; * opens the siblings', () => {
    expect(press(5, 'Home')).toEqual({ type: 'focus', index: 0 })
    expect(press(0, 'End')).toEqual({ type: 'focus', index: rows.length - 1 })
    expect(press(0, 'PageDown')).toEqual({ type: 'focus', index: 10 })
    expect(press(3, 'PageUp')).toEqual({ type: 'focus', index: 0 })
    expect(press(4, 'Enter')).toEqual({ type: 'activate', index: 4 })
    expect(press(4, ' ')).toEqual({ type: 'activate', index: 4 })
    const star = press(find('quote', true), '*')
    expect(star?.type).toBe('expand-siblings')
    expect(star?.type === 'expand-siblings' && star.indexes.map(nameAt)).toEqual(['proc-macro2', 'quote'])
    expect(press(4, 'x')).toBeUndefined()
  })

  it('with nothing focused, any movement key focuses the first row', () => {
    expect(press(-1, 'ArrowDown')).toEqual({ type: 'focus', index: 0 })
    expect(press(-1, 'Enter')).toBeUndefined()
  })

  it('type-ahead finds the next name with that prefix, wrapping, and a longer prefix may stay put', () => {
    const name = (pkg: number) => index.packages[pkg]!.name
    const first = typeAhead(rows, name, 0, 'q')!
    expect(nameAt(first)).toBe('quote')
    const second = typeAhead(rows, name, first, 'q')!
    expect(second).toBeGreaterThan(first)
    expect(typeAhead(rows, name, first, 'qu')).toBe(first)
    expect(typeAhead(rows, name, rows.length - 1, 'a')).toBe(0)
    expect(typeAhead(rows, name, 0, 'zzz')).toBeUndefined()
    expect(typeAhead([] as TreeRow[], name, 0, 'a')).toBeUndefined()
  })
})
