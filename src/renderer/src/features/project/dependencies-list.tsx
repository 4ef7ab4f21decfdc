/** Direct dependencies as written in the manifest: kind, version requirement and source. */
import type { DependencySource, DependencySummary, PackageSummary } from '@shared/models/package'
import { assertNever } from '@shared/assert-never'

function describeSource(source: DependencySource): string {
  switch (source.type) {
    case 'path':
      return `path ${source.path}`
    case 'git':
      return `git ${source.url}${source.reference ? ` (${source.reference.type} ${source.reference.value})` : ''}`
    case 'registry':
      return source.registry ? `registry ${source.registry}` : 'crates.io'
    default:
      return assertNever(source, 'dependency source')
  }
}

function DependencyItem({ dep }: { readonly dep: DependencySummary }) {
  return (
    <li className="item">
      <div className="item-title">
        <span className="item-name">{dep.name}</span>
        {dep.packageName !== dep.name && <span className="muted small">→ {dep.packageName}</span>}
        {dep.versionReq && <code className="small">{dep.versionReq}</code>}
        {dep.kind !== 'normal' && <span className="badge">{dep.kind}</span>}
        {dep.optional && <span className="badge">optional</span>}
      </div>
      <div className="item-detail muted">
        {describeSource(dep.source)}
        {dep.platform && ` · ${dep.platform}`}
        {dep.features.length > 0 && ` · features: ${dep.features.join(', ')}`}
      </div>
    </li>
  )
}

export function DependenciesList({ pkg }: { readonly pkg: PackageSummary }) {
  return (
    <section className="panel" aria-labelledby="dependencies-title">
      <h2 id="dependencies-title">
        Dependencies <span className="count">{pkg.dependencies.length}</span>
      </h2>
      {pkg.dependencies.length === 0 ? (
        <p className="muted">No dependencies.</p>
      ) : (
        <ul className="item-list" aria-label="Dependencies">
          {pkg.dependencies.map((dep) => (
            <DependencyItem key={`${dep.kind}:${dep.platform ?? ''}:${dep.name}`} dep={dep} />
          ))}
        </ul>
      )}
    </section>
  )
}
