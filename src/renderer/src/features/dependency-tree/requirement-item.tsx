/** One dependent's declaration: who, with which requirement, as what kind, and with which features. */
import type { GraphIndex } from './model/graph-index'
import type { Requirement } from './model/requirements'
import { PackageRef } from './package-ref'

interface Props {
  readonly index: GraphIndex
  readonly requirement: Requirement
  readonly onSelect: (pkg: number) => void
}

export function RequirementItem({ index, requirement: r, onSelect }: Props) {
  return (
    <li className="dt-requirement">
      <div className="dt-requirement-title">
        <PackageRef index={index} pkg={r.from} onSelect={onSelect} />
        <code className="dt-req" title="Version requirement">
          {r.req}
        </code>
        {r.kind !== 'normal' && <span className={`badge dt-kind dt-kind-${r.kind}`}>{r.kind}</span>}
        {r.optional && <span className="badge">optional</span>}
      </div>
      {(r.rename || r.target || r.features.length > 0 || !r.defaultFeatures) && (
        <div className="dt-requirement-detail muted small">
          {r.rename && <span>as {r.rename}</span>}
          {r.target && <code>{r.target}</code>}
          {r.features.length > 0 && <span>features: {r.features.join(', ')}</span>}
          {!r.defaultFeatures && <span>no default features</span>}
        </div>
      )}
    </li>
  )
}
