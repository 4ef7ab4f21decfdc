/** Cargo-style `warning:` notices about the manifest; they do not stop a build. */
import type { ManifestWarning } from '@shared/models/package'

export function ManifestWarnings({ warnings }: { readonly warnings: readonly ManifestWarning[] }) {
  if (warnings.length === 0) return null
  return (
    <section className="panel manifest-warnings" aria-labelledby="manifest-warnings-title">
      <h2 id="manifest-warnings-title">
        Manifest warnings <span className="count warning">{warnings.length}</span>
      </h2>
      <ul className="item-list" aria-label="Manifest warnings">
        {warnings.map((w, i) => (
          <li key={i} className="item">
            <div className="item-title warning-text">{w.message}</div>
            <div className="item-detail muted">
              <code>
                {w.file}
                {w.line ? `:${w.line}` : ''}
              </code>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
