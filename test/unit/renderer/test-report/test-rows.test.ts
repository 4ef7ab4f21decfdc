import { describe, expect, it } from 'vitest'
import type { OperationEvent, TestOutcome } from '@shared/models/build'
import {
  focusIndex,
  resultKeyAction
} from '../../../../src/renderer/src/features/test-report/model/result-keys'
import {
  NO_FILTER,
  resultRows,
  splitSuiteLabel,
  suiteKey,
  testKey,
  type ResultRow,
  type RowFilter
} from '../../../../src/renderer/src/features/test-report/model/test-rows'
import {
  applyTestEvents,
  initialTestRunState
} from '../../../../src/renderer/src/features/test-report/model/test-run-state'

const LIB = 'unittests src/lib.rs (target/debug/deps/demo-1a2b)'
const IT = 'tests/it.rs (target/debug/deps/it-3c4d)'

const result = (suite: string, name: string, outcome: TestOutcome): OperationEvent => ({
  type: 'test-result',
  suite,
  name,
  outcome
})

const STATE = applyTestEvents(initialTestRunState(), [
  result(LIB, 'tests::zeta', 'ok'),
  result(LIB, 'tests::alpha', 'failed'),
  result(LIB, 'parse::empty', 'ignored'),
  result(IT, 'it_works', 'ok'),
  result(IT, 'it_parses', 'ok')
])

const names = (rows: readonly ResultRow[]) =>
  rows.map((r) => (r.type === 'suite' ? `# ${r.title}` : r.test.name))
const rows = (filter: Partial<RowFilter> = {}) => resultRows(STATE, { ...NO_FILTER, ...filter })

describe('result rows', () => {
  it('shows each suite, then its tests sorted by name', () => {
    expect(names(rows())).toEqual([
      '# unittests src/lib.rs',
      'parse::empty',
      'tests::alpha',
      'tests::zeta',
      '# tests/it.rs',
      'it_parses',
      'it_works'
    ])
  })

  it('gives each row its ARIA position and each test its suite’s row', () => {
    const all = rows()
    expect(all[0]).toMatchObject({ type: 'suite', posInSet: 1, setSize: 2, expanded: true, shown: 3 })
    expect(all[5]).toMatchObject({ type: 'test', parent: 4, posInSet: 1, setSize: 2 })
  })

  it('keeps only failed tests, and only suites that have them, when asked', () => {
    expect(names(rows({ failedOnly: true }))).toEqual(['# unittests src/lib.rs', 'tests::alpha'])
  })

  it('finds tests by part of their name, ignoring case', () => {
    expect(names(rows({ query: 'PARS' }))).toEqual([
      '# unittests src/lib.rs',
      'parse::empty',
      '# tests/it.rs',
      'it_parses'
    ])
  })

  it('shows all tests of a suite whose title matches', () => {
    expect(names(rows({ query: 'tests/it' }))).toEqual(['# tests/it.rs', 'it_parses', 'it_works'])
  })

  it('hides the tests of a closed suite', () => {
    expect(names(rows({ collapsed: new Set([suiteKey(LIB)]) }))).toEqual([
      '# unittests src/lib.rs',
      '# tests/it.rs',
      'it_parses',
      'it_works'
    ])
  })

  it('splits cargo’s label into a title and the executable', () => {
    expect(splitSuiteLabel(LIB)).toEqual({
      title: 'unittests src/lib.rs',
      binary: 'target/debug/deps/demo-1a2b'
    })
    expect(splitSuiteLabel('Doc-tests demo')).toEqual({ title: 'Doc-tests demo' })
  })
})

describe('result tree keys', () => {
  const all = rows()

  it('moves up and down, and jumps with Home, End and the page keys', () => {
    expect(resultKeyAction(all, 0, 'ArrowDown', 10)).toEqual({ type: 'focus', index: 1 })
    expect(resultKeyAction(all, 0, 'ArrowUp', 10)).toBeUndefined()
    expect(resultKeyAction(all, 6, 'ArrowDown', 10)).toBeUndefined()
    expect(resultKeyAction(all, 3, 'End', 10)).toEqual({ type: 'focus', index: 6 })
    expect(resultKeyAction(all, 3, 'Home', 10)).toEqual({ type: 'focus', index: 0 })
    expect(resultKeyAction(all, 1, 'PageDown', 3)).toEqual({ type: 'focus', index: 4 })
    expect(resultKeyAction(all, 1, 'PageUp', 3)).toEqual({ type: 'focus', index: 0 })
  })

  it('opens and closes suites with Right, Left, Enter and Space', () => {
    expect(resultKeyAction(all, 0, 'ArrowLeft', 10)).toEqual({ type: 'toggle', index: 0, open: false })
    expect(resultKeyAction(all, 0, 'ArrowRight', 10)).toEqual({ type: 'focus', index: 1 })
    expect(resultKeyAction(all, 0, 'Enter', 10)).toEqual({ type: 'toggle', index: 0, open: false })
    const closed = rows({ collapsed: new Set([suiteKey(LIB)]) })
    expect(resultKeyAction(closed, 0, 'ArrowRight', 10)).toEqual({ type: 'toggle', index: 0, open: true })
    expect(resultKeyAction(closed, 0, ' ', 10)).toEqual({ type: 'toggle', index: 0, open: true })
  })

  it('goes from a test back to its suite with Left', () => {
    expect(resultKeyAction(all, 6, 'ArrowLeft', 10)).toEqual({ type: 'focus', index: 4 })
  })

  it('keeps focus on a test, or falls back to its suite when the test is hidden', () => {
    expect(focusIndex(all, testKey(IT, 'it_works'))).toBe(6)
    const failed = rows({ failedOnly: true })
    expect(focusIndex(failed, testKey(LIB, 'tests::zeta'))).toBe(0)
    expect(focusIndex(failed, undefined)).toBe(0)
    expect(focusIndex([], undefined)).toBe(-1)
  })
})
