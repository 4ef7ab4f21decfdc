/**
 * "Why is this package here?", as `cargo tree -i`: pick a package and see every package that
 * depends on it, up to the workspace, as a tree; above it, the shortest chains from the
 * workspace spelled out in full.
 */
import { useId, useMemo } from 'react'
import { packageLine } from './model/tree-text'
import type { GraphIndex } from './model/graph-index'
import { pathsFromRoots, type DependencyPath } from './model/paths'
import type { PackageRow } from './model/tree-rows'
import { TreeList } from './tree-list'
import type { TreeState } from './use-tree-state'

interface Props {
  readonly index: GraphIndex
  readonly target: number | undefined
  readonly tree: TreeState
  /** The row to mark selected (the tree's own, while its package is the one shown in the details). */
  readonly selectedKey: string | undefined
  readonly onTarget: (pkg: number | undefined) => void
  readonly onActivate: (row: PackageRow) => void
  readonly onSelectPackage: (pkg: number) => void
}

function PathItem({
  index,
  path,
  onSelect
}: {
  readonly index: GraphIndex
  readonly path: DependencyPath
  readonly onSelect: (pkg: number) => void
}) {
  return (
    <li className="dt-path">
      {path.pkgs.map((pkg, i) => {
        const p = index.packages[pkg]
        const kind = i > 0 ? path.kinds[i - 1] : undefined
        return (
          <span key={i} className="dt-path-step">
            {i > 0 && (
              <span
                className="dt-path-arrow"
                aria-label={kind === 'normal' ? 'depends on' : `${kind}-depends on`}
              >
                {kind === 'normal' ? '→' : `→ ${kind}`}
              </span>
            )}
            <button type="button" className="link-button" onClick={() => onSelect(pkg)}>
              {p?.name} v{p?.version}
            </button>
          </span>
        )
      })}
    </li>
  )
}

export function InvertedPanel({
  index,
  target,
  tree,
  selectedKey,
  onTarget,
  onActivate,
  onSelectPackage
}: Props) {
  const id = useId()
  const choices = useMemo(() => [...index.reachable].sort((a, b) => index.rank[a]! - index.rank[b]!), [index])
  const paths = useMemo(
    () => (target === undefined ? undefined : pathsFromRoots(index, target)),
    [index, target]
  )
  const targetPkg = target === undefined ? undefined : index.packages[target]

  return (
    <div className="dt-panel">
      <div className="dt-toolbar" role="toolbar" aria-label="Why is a package here">
        <label htmlFor={`${id}-pick`} className="dt-toolbar-label">
          Why is
        </label>
        <select
          id={`${id}-pick`}
          className="dt-pick"
          value={target ?? ''}
          onChange={(e) => onTarget(e.target.value === '' ? undefined : Number(e.target.value))}
        >
          <option value="">Choose a package…</option>
          {choices.map((pkg) => (
            <option key={pkg} value={pkg}>
              {packageLine(index.packages[pkg]!)}
            </option>
          ))}
        </select>
        <span className="dt-toolbar-label">here?</span>
      </div>
      {targetPkg === undefined || paths === undefined ? (
        <div className="dt-empty">
          <p>Pick a package to see which packages pull it in, all the way up to the workspace.</p>
          <p className="muted small">
            The same as `cargo tree -i`. “Why is it here?” in a package’s details opens it too.
          </p>
        </div>
      ) : (
        <>
          <section className="dt-paths" aria-labelledby={`${id}-paths`}>
            <h3 id={`${id}-paths`}>
              {paths.paths.length === 0
                ? `Nothing in the workspace depends on ${targetPkg.name}`
                : `${paths.complete ? '' : 'The first '}${paths.paths.length} path${paths.paths.length === 1 ? '' : 's'} from the workspace, shortest first`}
            </h3>
            {paths.paths.length > 0 && (
              <ol className="dt-path-list">
                {paths.paths.map((path, i) => (
                  <PathItem key={i} index={index} path={path} onSelect={onSelectPackage} />
                ))}
              </ol>
            )}
          </section>
          <TreeList
            id={`${id}-tree`}
            label={`Packages that depend on ${targetPkg.name} ${targetPkg.version}`}
            index={index}
            rows={tree.rows}
            focusKey={tree.focusKey}
            selectedKey={selectedKey}
            query={undefined}
            scrollRequest={undefined}
            onFocusRow={tree.setFocus}
            onActivate={onActivate}
            onToggle={tree.toggle}
          />
        </>
      )}
    </div>
  )
}
