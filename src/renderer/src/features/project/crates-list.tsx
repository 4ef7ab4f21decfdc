/** The package's crates (targets): what rustc builds, from which root file, as which crate types. */
import type { PackageSummary } from '@shared/models/package'

export function CratesList({ pkg }: { readonly pkg: PackageSummary }) {
  return (
    <section className="panel" aria-labelledby="crates-title">
      <h2 id="crates-title">
        Crates <span className="count">{pkg.targets.length}</span>
      </h2>
      {pkg.buildCommand && (
        <p className="muted">
          Build command: <code>{pkg.buildCommand}</code>
        </p>
      )}
      {pkg.targets.length === 0 ? (
        <p className="muted">No crates found.</p>
      ) : (
        <ul className="item-list" aria-label="Crates">
          {pkg.targets.map((t) => (
            <li key={`${t.kind}:${t.name}`} className="item">
              <div className="item-title">
                <span className={`badge kind-${t.kind}`}>{t.kind}</span>
                <span className="item-name">{t.name}</span>
                {t.origin === 'discovered' && (
                  <span
                    className="muted small"
                    title="Found by Cargo's layout rules, not listed in the manifest"
                  >
                    auto
                  </span>
                )}
              </div>
              <div className="item-detail">
                <code>{t.path}</code>
                {t.crateTypes.length > 0 && <span className="muted"> · {t.crateTypes.join(', ')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
