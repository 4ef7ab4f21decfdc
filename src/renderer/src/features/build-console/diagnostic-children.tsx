/**
 * rustc's help and notes under a diagnostic, with its suggested fixes spelled out
 * ("help: replace with `_x`" at file:line), so a fix can be read without the rendered text.
 */
import type { DiagnosticChild } from '@shared/models/diagnostic'
import { baseName } from '../../lib/paths'
import { suggestionText } from './model/diagnostic-suggestion'

export function DiagnosticChildren({ items }: { readonly items: readonly DiagnosticChild[] }) {
  return (
    <ul className="diagnostic-children">
      {items.map((c, i) => {
        const suggestion = suggestionText(c)
        return (
          <li key={i} className={`diagnostic-child level-${c.level}`}>
            <span className="diagnostic-child-level">{c.level}:</span> {c.message}
            {suggestion && <code className="diagnostic-suggestion">{suggestion}</code>}
            {c.location && (
              <span className="diagnostic-location" title={c.location.file}>
                {baseName(c.location.file)}:{c.location.line}:{c.location.column}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
