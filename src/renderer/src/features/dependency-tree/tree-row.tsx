/**
 * One row of the tree: a `[build-dependencies]`-style heading, or a package with its version,
 * how it is depended on, where it comes from, its enabled features and cargo's `(*)` when it is
 * unfolded elsewhere.
 */
import { memo, type ReactNode } from 'react'
import { cargoSourceLabel } from '@shared/models/dependency-tree'
import type { GraphIndex } from './model/graph-index'
import { matchRange, type SearchQuery } from './model/search'
import { shortSource } from './model/source-text'
import type { PackageRow, TreeRow } from './model/tree-rows'

export const INDENT_PX = 18

interface Props {
  readonly id: string
  readonly row: TreeRow
  readonly top: number
  readonly index: GraphIndex
  readonly focused: boolean
  readonly selected: boolean
  readonly query: SearchQuery | undefined
  readonly onClick: (row: PackageRow) => void
  readonly onToggle: (row: PackageRow) => void
}

/** The name with the searched part marked. */
export function HighlightedName({
  name,
  query
}: {
  readonly name: string
  readonly query: SearchQuery | undefined
}) {
  const range = query && matchRange(query, name)
  if (!range) return <>{name}</>
  return (
    <>
      {name.slice(0, range[0])}
      <mark>{name.slice(range[0], range[1])}</mark>
      {name.slice(range[1])}
    </>
  )
}

/** Words a screen reader needs that the row shows as a colour, a badge or a short code. */
function Said({ children }: { readonly children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>
}

export const TreeRowView = memo(function TreeRowView(props: Props) {
  const { row, index } = props
  const indent = (row.level - 1) * INDENT_PX
  if (row.type === 'heading') {
    return (
      <div className="dt-row dt-heading" role="none" aria-hidden="true" style={{ top: props.top }}>
        <span className="dt-indent" style={{ width: indent }} />
        <span className="dt-twisty" />[{row.kind}-dependencies]
      </div>
    )
  }
  const pkg = index.packages[row.pkg]
  if (!pkg) return null
  const edge = row.edge === undefined ? undefined : index.edges[row.edge]
  const label = cargoSourceLabel(pkg.source)
  // The row's name is its text (no aria-label), so what a speech user reads on screen names it;
  // hidden words spell out what the badges and short codes only show.
  return (
    <div
      id={props.id}
      className={`dt-row${props.focused ? ' is-focused' : ''}${props.selected ? ' is-selected' : ''}`}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={props.selected}
      style={{ top: props.top }}
      onClick={() => props.onClick(row)}
      onDoubleClick={() => row.hasChildren && props.onToggle(row)}
    >
      <span className="dt-indent" style={{ width: indent }} />
      <span
        className="dt-twisty"
        aria-hidden="true"
        onClick={(e) => {
          if (!row.hasChildren) return
          e.stopPropagation()
          props.onToggle(row)
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="dt-name">
        <HighlightedName name={pkg.name} query={props.query} />
      </span>
      <span className="dt-version">v{pkg.version}</span>
      {edge?.rename && <span className="dt-rename muted">as {edge.rename}</span>}
      {row.kind !== 'normal' && (
        <span className={`badge dt-kind dt-kind-${row.kind}`}>
          {row.kind}
          <Said> dependency</Said>
        </span>
      )}
      {pkg.procMacro && <span className="badge dt-proc-macro">proc-macro</span>}
      <span className={`dt-source dt-source-${pkg.source.kind}`} title={label ?? 'crates.io'}>
        <span aria-hidden="true">{shortSource(pkg.source)}</span>
        <Said>from {label ?? 'crates.io'}</Said>
      </span>
      {edge?.target && (
        <code className="dt-target">
          <Said>on </Said>
          {edge.target}
        </code>
      )}
      {row.repeat && row.hasChildren && (
        <span className="dt-repeat" title="Its dependencies are shown where it first appears">
          <span aria-hidden="true">(*)</span>
          <Said>repeated, its dependencies are shown where it first appears</Said>
        </span>
      )}
      {pkg.features.length > 0 && (
        <span className="dt-features">
          <Said>features </Said>
          {pkg.features.join(', ')}
        </span>
      )}
    </div>
  )
})
