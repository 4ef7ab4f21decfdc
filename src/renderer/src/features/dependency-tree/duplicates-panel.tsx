/**
 * Packages built in more than one version, as `cargo tree -d` finds them, with who requires
 * each copy and how: the place to start when trimming build times. Each copy links to its
 * details, its place in the tree and the inverted tree that explains it.
 */
import { cargoSourceLabel } from '@shared/models/dependency-tree'
import type { DuplicateGroup } from './model/duplicates'
import type { GraphIndex } from './model/graph-index'
import { requirementsOf } from './model/requirements'
import { RequirementItem } from './requirement-item'

interface Props {
  readonly index: GraphIndex
  readonly groups: readonly DuplicateGroup[]
  readonly onSelectPackage: (pkg: number) => void
  readonly onWhy: (pkg: number) => void
  readonly onShowInTree: (pkg: number) => void
}

export function DuplicatesPanel({ index, groups, onSelectPackage, onWhy, onShowInTree }: Props) {
  if (groups.length === 0) {
    return (
      <div className="dt-panel dt-empty">
        <p>No duplicates: every package is built in one version.</p>
      </div>
    )
  }
  const copies = groups.reduce((n, g) => n + g.versions.length, 0)
  return (
    <div className="dt-panel dt-duplicates">
      <p className="muted small">
        {groups.length} package{groups.length === 1 ? ' is' : 's are'} built in more than one version (
        {copies} copies). Each copy compiles separately; moving its dependents to one requirement removes the
        others.
      </p>
      {groups.map((group) => (
        <section
          key={group.name}
          className="dt-dup-group"
          aria-label={`${group.name}, ${group.versions.length} versions`}
        >
          <h3>
            {group.name} <span className="count">{group.versions.length} versions</span>
          </h3>
          <ul className="dt-dup-versions">
            {group.versions.map((pkg) => {
              const p = index.packages[pkg]!
              const label = cargoSourceLabel(p.source)
              return (
                <li key={pkg} className="dt-dup-version">
                  <div className="dt-dup-head">
                    <button type="button" className="link-button dt-ref" onClick={() => onSelectPackage(pkg)}>
                      v{p.version}
                    </button>
                    {label && <span className="muted small dt-dup-source">{label}</span>}
                    {p.features.length > 0 && (
                      <span className="muted small dt-dup-source">features: {p.features.join(', ')}</span>
                    )}
                    <span className="dt-dup-actions">
                      <button type="button" className="link-button" onClick={() => onWhy(pkg)}>
                        Why?
                      </button>
                      <button type="button" className="link-button" onClick={() => onShowInTree(pkg)}>
                        Show in tree
                      </button>
                    </span>
                  </div>
                  <ul className="dt-requirements" aria-label={`Required by (v${p.version})`}>
                    {requirementsOf(index, pkg).map((r) => (
                      <RequirementItem
                        key={r.edge}
                        index={index}
                        requirement={r}
                        onSelect={onSelectPackage}
                      />
                    ))}
                  </ul>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
