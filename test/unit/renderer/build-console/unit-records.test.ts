import { describe, expect, it } from 'vitest'
import {
  MAX_UNIT_LOG_CHARS,
  draftUnitRecords,
  type UnitRecord
} from '../../../../src/renderer/src/features/build-console/model/unit-records'

const empty: ReadonlyMap<string, UnitRecord> = new Map()

describe('draftUnitRecords', () => {
  it('returns the base map itself when nothing was touched', () => {
    expect(draftUnitRecords(empty).result()).toBe(empty)
  })

  it('starts a record for a unit first heard of in any event', () => {
    const draft = draftUnitRecords(empty)
    draft.metadata('a', 5)
    draft.diagnostic('b', 3)
    const result = draft.result()
    expect(result.get('a')).toEqual({ metadataAt: 5, diagnosticIds: [], log: [], droppedChars: 0 })
    expect(result.get('b')).toEqual({ diagnosticIds: [3], log: [], droppedChars: 0 })
  })

  it('keeps the first metadata time when metadata is reported again', () => {
    const draft = draftUnitRecords(empty)
    draft.metadata('a', 5)
    draft.metadata('a', 9)
    const first = draft.result()
    const later = draftUnitRecords(first)
    later.metadata('a', 12)
    expect(later.result().get('a')?.metadataAt).toBe(5)
  })

  it('keeps a reason from the start when the unit is reported started again without one', () => {
    const draft = draftUnitRecords(empty)
    draft.started('a', 1, 'Cargo.toml changed')
    draft.started('a', 2, undefined)
    expect(draft.result().get('a')).toMatchObject({ startedAt: 2, reason: 'Cargo.toml changed' })
  })

  it('keeps untouched records as they were, the same objects', () => {
    const base = draftUnitRecords(empty)
    base.started('a', 1, undefined)
    base.started('b', 1, undefined)
    const first = base.result()
    const draft = draftUnitRecords(first)
    draft.finished('b', 9, 'done')
    const second = draft.result()
    expect(second.get('a')).toBe(first.get('a'))
    expect(second.get('b')).not.toBe(first.get('b'))
    expect(first.get('b')?.outcome).toBeUndefined()
  })

  it('ignores empty output', () => {
    const draft = draftUnitRecords(empty)
    draft.log('a', { kind: 'output', stream: 'stdout', text: '' })
    expect(draft.result().get('a')?.log).toEqual([])
  })

  it('cuts a flood of output from the front, keeping the newest text and counting what it dropped', () => {
    const chunk = 'x'.repeat(999) + '\n'
    let records = empty
    let written = 0
    // Spread over batches, as a chatty build command's output arrives.
    for (let batch = 0; batch < 20; batch++) {
      const draft = draftUnitRecords(records)
      for (let i = 0; i < 10; i++) draft.log('a', { kind: 'output', stream: 'stdout', text: chunk })
      draft.log('a', { kind: 'message', level: 'warning', text: `batch ${batch}` })
      written += 10 * chunk.length + `batch ${batch}`.length
      records = draft.result()
    }
    const r = records.get('a')!
    const kept = r.log.reduce((n, e) => n + e.text.length, 0)
    expect(kept).toBeLessThanOrEqual(MAX_UNIT_LOG_CHARS)
    expect(kept).toBeGreaterThan(MAX_UNIT_LOG_CHARS / 2)
    expect(r.droppedChars + kept).toBe(written)
    expect(r.log[r.log.length - 1]).toEqual({ kind: 'message', level: 'warning', text: 'batch 19' })
  })
})
