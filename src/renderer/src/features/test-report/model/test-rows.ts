/**
 * The rows of the results tree: each suite, then its tests when it is open, after the "failed
 * only" filter and the search. Flat, with each row's ARIA position, so the tree can be
 * virtualized and keyboard moves are index arithmetic.
 */
import {
  suiteCounts,
  suiteStatus,
  type SuiteResults,
  type SuiteStatus,
  type TestCase,
  type TestRunState
} from './test-run-state'

export interface SuiteRow {
  readonly type: 'suite'
  readonly key: string
  readonly suite: string
  /** "unittests src/lib.rs" */
  readonly title: string
  /** The executable, from cargo's label: "target/debug/deps/demo-1a2b". */
  readonly binary?: string
  readonly status: SuiteStatus
  readonly counts: ReturnType<typeof suiteCounts>
  readonly expanded: boolean
  /** Tests shown under it with the current filter. */
  readonly shown: number
  readonly posInSet: number
  readonly setSize: number
}

export interface TestRow {
  readonly type: 'test'
  readonly key: string
  readonly suite: string
  readonly test: TestCase
  /** Index of its suite's row. */
  readonly parent: number
  readonly posInSet: number
  readonly setSize: number
}

export type ResultRow = SuiteRow | TestRow

export interface RowFilter {
  readonly failedOnly: boolean
  /** Case-insensitive text to find in test names (or a suite's title, to show all its tests). */
  readonly query: string
  /** Keys of the suites the person closed. */
  readonly collapsed: ReadonlySet<string>
}

export const NO_FILTER: RowFilter = { failedOnly: false, query: '', collapsed: new Set() }

/** "unittests src/lib.rs (target/debug/deps/demo-1a2b)" → title and executable. */
export function splitSuiteLabel(label: string): { readonly title: string; readonly binary?: string } {
  const m = /^(.*) \(([^()]*)\)$/.exec(label)
  return m?.[1] && m[2] ? { title: m[1], binary: m[2] } : { title: label }
}

export function suiteKey(suite: string): string {
  return `s\u0000${suite}`
}

export function testKey(suite: string, name: string): string {
  return `t\u0000${suite}\u0000${name}`
}

function byName(a: TestCase, b: TestCase): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

function failing(status: SuiteStatus): boolean {
  return status === 'failed' || status === 'crashed' || status === 'incomplete'
}

function shownTests(suite: SuiteResults, title: string, filter: RowFilter): readonly TestCase[] {
  const q = filter.query.trim().toLowerCase()
  const tests = filter.failedOnly ? suite.tests.filter((t) => t.outcome === 'failed') : suite.tests
  if (!q || title.toLowerCase().includes(q)) return tests
  return tests.filter((t) => t.name.toLowerCase().includes(q))
}

export function resultRows(state: TestRunState, filter: RowFilter): readonly ResultRow[] {
  const filtering = filter.failedOnly || filter.query.trim() !== ''
  const groups = state.suites.flatMap((suite) => {
    const { title, binary } = splitSuiteLabel(suite.suite)
    const status = suiteStatus(suite, state)
    const tests = [...shownTests(suite, title, filter)].sort(byName)
    // A crashed harness stays in the failed view even when it reported no failing test.
    const keep = !filtering || tests.length > 0 || (filter.failedOnly && !filter.query && failing(status))
    return keep ? [{ suite, title, binary, status, tests }] : []
  })
  const rows: ResultRow[] = []
  groups.forEach((g, i) => {
    const key = suiteKey(g.suite.suite)
    const expanded = !filter.collapsed.has(key)
    const parent = rows.length
    rows.push({
      type: 'suite',
      key,
      suite: g.suite.suite,
      title: g.title,
      ...(g.binary ? { binary: g.binary } : {}),
      status: g.status,
      counts: suiteCounts(g.suite),
      expanded,
      shown: g.tests.length,
      posInSet: i + 1,
      setSize: groups.length
    })
    if (!expanded) return
    g.tests.forEach((test, j) =>
      rows.push({
        type: 'test',
        key: testKey(g.suite.suite, test.name),
        suite: g.suite.suite,
        test,
        parent,
        posInSet: j + 1,
        setSize: g.tests.length
      })
    )
  })
  return rows
}
