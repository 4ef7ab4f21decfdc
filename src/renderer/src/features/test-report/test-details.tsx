/**
 * The selected test: its outcome and, when it failed, what it printed (captured stdout and the
 * panic message, as the harness reported them). Program output is shown as text, never HTML.
 */
import { useId } from 'react'
import { AnsiText } from '../../components/ansi-text'
import type { TestRow } from './model/test-rows'
import { splitSuiteLabel } from './model/test-rows'

const HEADLINE = { ok: 'Passed', failed: 'Failed', ignored: 'Ignored' } as const

export function TestDetails({ row }: { readonly row: TestRow | undefined }) {
  const titleId = useId()
  if (!row) {
    return (
      <section className="tr-details" aria-label="Test details" tabIndex={0}>
        <p className="muted tr-details-empty">Select a test to see its output.</p>
      </section>
    )
  }
  const { test } = row
  const output = test.output?.replace(/\s+$/, '')
  return (
    // It scrolls when the panel is short: focusable, so the keyboard can scroll it too.
    <section className="tr-details" aria-labelledby={titleId} tabIndex={0}>
      <h3 id={titleId} className="tr-details-title">
        <span className={`tr-mark tr-${test.outcome}`}>{HEADLINE[test.outcome]}</span>
        <code>{test.name}</code>
      </h3>
      <p className="muted small">{splitSuiteLabel(row.suite).title}</p>
      {output ? (
        <pre className="tr-output" role="region" aria-label="Output" tabIndex={0}>
          <AnsiText text={output} />
        </pre>
      ) : (
        <p className="muted">
          {test.outcome === 'failed' ? 'It printed nothing; the console may show more.' : 'No output kept.'}
        </p>
      )}
    </section>
  )
}
