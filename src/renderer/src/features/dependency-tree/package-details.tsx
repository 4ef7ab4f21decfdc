/**
 * The selected package: where it comes from, who requires it with which version requirement,
 * which of its features are on and which dependent asked for each, and links to the tree and
 * to "why is it here?".
 */
import { useMemo } from 'react'
import { assertNever } from '@shared/assert-never'
import { cargoSourceLabel, CRATES_IO_NAME, type GraphSource } from '@shared/models/dependency-tree'
import { allLinks, type GraphIndex } from './model/graph-index'
import { featureOrigins, requirementsOf } from './model/requirements'
import { gitReferenceText } from './model/source-text'
import { PackageRef } from './package-ref'
import { RequirementItem } from './requirement-item'

interface Props {
  readonly index: GraphIndex
  readonly pkg: number | undefined
  readonly onSelectPackage: (pkg: number) => void
  readonly onWhy: (pkg: number) => void
  readonly onShowInTree: (pkg: number) => void
}

function SourceDetails({ source }: { readonly source: GraphSource }) {
  switch (source.kind) {
    case 'registry':
      return (
        <dl className="dt-facts">
          <dt>Registry</dt>
          <dd>{source.name === CRATES_IO_NAME ? 'crates.io' : source.name}</dd>
          <dt>Index</dt>
          <dd>
            <code>{source.url}</code>
          </dd>
        </dl>
      )
    case 'git':
      return (
        <dl className="dt-facts">
          <dt>Git</dt>
          <dd>
            <code>{source.url}</code>
          </dd>
          <dt>Reference</dt>
          <dd>{gitReferenceText(source) ?? 'default branch'}</dd>
          <dt>Commit</dt>
          <dd>
            <code>{source.commit ?? 'not locked yet'}</code>
          </dd>
        </dl>
      )
    case 'path':
      return (
        <dl className="dt-facts">
          <dt>Path</dt>
          <dd>
            <code>{source.path}</code>
          </dd>
        </dl>
      )
    default:
      return assertNever(source, 'graph source')
  }
}

export function PackageDetails({ index, pkg, onSelectPackage, onWhy, onShowInTree }: Props) {
  const requirements = useMemo(() => (pkg === undefined ? [] : requirementsOf(index, pkg)), [index, pkg])
  const origins = useMemo(() => (pkg === undefined ? [] : featureOrigins(index, pkg)), [index, pkg])
  const p = pkg === undefined ? undefined : index.packages[pkg]
  if (pkg === undefined || !p) {
    return (
      <aside className="dt-details dt-details-empty" aria-label="Package details">
        <p className="muted">Select a package to see who requires it, with which version and features.</p>
      </aside>
    )
  }
  const deps = allLinks(index.dependencies[pkg] ?? [])
  return (
    <aside className="dt-details" aria-label={`Details of ${p.name} ${p.version}`}>
      <header className="dt-details-header">
        <h2 className="dt-details-title">
          {p.name} <span className="dt-version">v{p.version}</span>
        </h2>
        <div className="row">
          {p.member && <span className="badge badge-accent">workspace member</span>}
          {p.procMacro && <span className="badge dt-proc-macro">proc-macro</span>}
          {p.license && <span className="badge">{p.license}</span>}
        </div>
        {p.description && <p className="muted small">{p.description}</p>}
        <div className="row">
          <button type="button" onClick={() => onWhy(pkg)}>
            Why is it here?
          </button>
          <button type="button" onClick={() => onShowInTree(pkg)}>
            Show in tree
          </button>
        </div>
      </header>
      <section aria-label="Source">
        <h3>Source</h3>
        <SourceDetails source={p.source} />
        {cargoSourceLabel(p.source) && (
          <p className="muted small">
            cargo tree shows it as <code>({cargoSourceLabel(p.source)})</code>
          </p>
        )}
      </section>
      <section aria-label="Required by">
        <h3>
          Required by <span className="count">{requirements.length}</span>
        </h3>
        {requirements.length === 0 ? (
          <p className="muted small">
            {p.member ? 'Nothing: it is a workspace member.' : 'Nothing in this graph.'}
          </p>
        ) : (
          <ul className="dt-requirements">
            {requirements.map((r) => (
              <RequirementItem key={r.edge} index={index} requirement={r} onSelect={onSelectPackage} />
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Enabled features">
        <h3>
          Enabled features <span className="count">{origins.length}</span>
        </h3>
        {origins.length === 0 ? (
          <p className="muted small">None.</p>
        ) : (
          <ul className="dt-features-list">
            {origins.map(({ feature, from }) => (
              <li key={feature}>
                <code>{feature}</code>
                <span className="muted small">
                  {from.length > 0
                    ? ' from '
                    : p.member
                      ? ' for the workspace (default or command line)'
                      : ' not asked for directly by a dependent'}
                </span>
                {from.map((f, i) => (
                  <span key={f}>
                    {i > 0 && ', '}
                    <PackageRef index={index} pkg={f} onSelect={onSelectPackage} />
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Depends on">
        <h3>
          Depends on <span className="count">{deps.length}</span>
        </h3>
        {deps.length > 0 && (
          <ul className="dt-deps-list">
            {deps.map((link) => (
              <li key={link.edge}>
                <PackageRef index={index} pkg={link.pkg} onSelect={onSelectPackage} />
                {index.edges[link.edge]?.kind !== 'normal' && (
                  <span className={`badge dt-kind dt-kind-${index.edges[link.edge]?.kind}`}>
                    {index.edges[link.edge]?.kind}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  )
}
