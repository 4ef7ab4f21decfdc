import { describe, expect, it } from 'vitest'
import {
  resolveMerge,
  splitLines,
  threeWayMerge,
  withConflictMarkers
} from '../../../../src/renderer/src/features/manifest-editor/model/merge'

const base = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nserde = "1"\n'

describe('three-way merge', () => {
  it('splits lines keeping their endings', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a\r\n', 'b\n', 'c'])
    expect(splitLines('')).toEqual([])
  })

  it('merges changes to different lines cleanly', () => {
    const mine = base.replace('0.1.0', '0.2.0')
    const theirs = base.replace('serde = "1"', 'serde = "1"\nlog = "0.4"')
    const outcome = threeWayMerge(base, mine, theirs)
    expect(outcome.conflicts).toBe(0)
    expect(outcome.text).toBe(mine.replace('serde = "1"', 'serde = "1"\nlog = "0.4"'))
  })

  it('takes the same change made on both sides once', () => {
    const both = base.replace('2021', '2024')
    expect(threeWayMerge(base, both, both).text).toBe(both)
  })

  it('reports overlapping changes as conflicts, settled per hunk', () => {
    const mine = base.replace('0.1.0', '0.2.0')
    const theirs = base.replace('0.1.0', '1.0.0')
    const outcome = threeWayMerge(base, mine, theirs)
    expect(outcome.conflicts).toBe(1)
    expect(outcome.text).toBeUndefined()
    expect(resolveMerge(outcome.regions, [undefined])).toBeUndefined()
    expect(resolveMerge(outcome.regions, ['mine'])).toBe(mine)
    expect(resolveMerge(outcome.regions, ['theirs'])).toBe(theirs)
    expect(resolveMerge(outcome.regions, ['both'])).toBe(
      base.replace('version = "0.1.0"\n', 'version = "0.2.0"\nversion = "1.0.0"\n')
    )
  })

  it('writes git-style conflict markers, with the base', () => {
    const outcome = threeWayMerge(base, base.replace('0.1.0', '0.2.0'), base.replace('0.1.0', '1.0.0'))
    const text = withConflictMarkers(outcome.regions)
    expect(text).toContain(
      '<<<<<<< mine\nversion = "0.2.0"\n||||||| last saved\nversion = "0.1.0"\n=======\nversion = "1.0.0"\n>>>>>>> on disk\n'
    )
    expect(text.startsWith('[package]\nname = "demo"\n<<<<<<<')).toBe(true)
  })

  it('keeps CRLF line endings, also in the lines it adds', () => {
    const crlf = base.replaceAll('\n', '\r\n')
    const outcome = threeWayMerge(crlf, crlf.replace('0.1.0', '0.2.0'), crlf.replace('0.1.0', '1.0.0'))
    const text = withConflictMarkers(outcome.regions)
    expect(text).toContain('<<<<<<< mine\r\n')
    expect(text.replaceAll('\r\n', '')).not.toContain('\n')
  })

  it('adds a line break where a last line without one meets more lines', () => {
    const noEol = 'a = 1\nb = 2'
    const outcome = threeWayMerge(noEol, 'a = 1\nb = 3', 'a = 1\nb = 4')
    expect(resolveMerge(outcome.regions, ['both'])).toBe('a = 1\nb = 3\nb = 4')
  })
})
