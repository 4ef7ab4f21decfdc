/**
 * The dependency view: the resolved graph as `cargo tree` draws it (a virtualized, keyboard-driven
 * tree with search), "why is it here?" (`cargo tree -i`), duplicated packages (`cargo tree -d`),
 * and the details of the selected package beside them. It only renders a `DependencyGraph`; the
 * caller resolves it and says when that is under way or failed.
 */
import { useId, useMemo, useState } from 'react'
import type { DependencyGraph } from '@shared/models/dependency-tree'
import { ErrorMessage } from '../../components/error-message'
import { DuplicatesPanel } from './duplicates-panel'
import { InvertedPanel } from './inverted-panel'
import { findDuplicates } from './model/duplicates'
import { indexGraph } from './model/graph-index'
import { packageOfKey, type PackageRow, type TreeSpec } from './model/tree-rows'
import { PackageDetails } from './package-details'
import type { ScrollRequest } from './tree-list'
import { TreePanel } from './tree-panel'
import { useTreeState } from './use-tree-state'
import { ViewTabs, type DependencyTab } from './view-tabs'
import './dependency-tree.css'

export interface DependencyTreeViewProps {
  /** The resolved graph; undefined until the first one arrives (shown as loading unless `error`). */
  readonly graph: DependencyGraph | undefined
  /** A resolve is under way; with a graph shown, it is the previous result until the new one comes. */
  readonly loading?: boolean
  /** The last resolve failed (shown with its hint; a graph still given stays visible below). */
  readonly error?: unknown
  /** Offered as "Try again" beside an error. */
  readonly onRetry?: () => void
  /** The selected package changed (its `GraphPackage.id`), e.g. to open its manifest elsewhere. */
  readonly onSelectPackage?: (id: string) => void
}

export function DependencyTreeView(props: DependencyTreeViewProps) {
  const { graph, error, onRetry } = props
  if (graph) return <ReadyView {...props} graph={graph} />
  return (
    <div className="dt-view dt-state" aria-busy={error === undefined}>
      {error !== undefined ? (
        <>
          <ErrorMessage error={error} title="Could not resolve the dependencies" />
          {onRetry && (
            <div>
              <button type="button" onClick={onRetry}>
                Try again
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="muted" role="status">
          Resolving dependencies…
        </p>
      )}
    </div>
  )
}

type ReadyProps = DependencyTreeViewProps & { readonly graph: DependencyGraph }

function ReadyView({ graph, loading = false, error, onRetry, onSelectPackage }: ReadyProps) {
  const id = useId()
  const index = useMemo(() => indexGraph(graph), [graph])
  const duplicates = useMemo(() => findDuplicates(index), [index])
  const [tab, setTab] = useState<DependencyTab>('tree')
  // By id rather than number: they survive a new graph (a re-resolve after an edit).
  const [selectedId, setSelectedId] = useState<string | undefined>()
  const [whyId, setWhyId] = useState<string | undefined>()
  const [scroll, setScroll] = useState<ScrollRequest | undefined>()
  const selected = selectedId === undefined ? undefined : index.byId.get(selectedId)
  const whyPkg = whyId === undefined ? undefined : index.byId.get(whyId)

  const treeSpec = useMemo<TreeSpec>(() => ({ direction: 'dependencies', roots: index.roots }), [index])
  const whySpec = useMemo<TreeSpec>(
    () => ({ direction: 'dependents', roots: whyPkg === undefined ? [] : [whyPkg] }),
    [whyPkg]
  )
  const tree = useTreeState(index, treeSpec)
  const why = useTreeState(index, whySpec)

  // A tree marks its selected row only while that row's package is the one in the details.
  const selectedIn = (key: string | undefined, spec: TreeSpec): string | undefined =>
    key !== undefined && selected !== undefined && packageOfKey(index, spec.direction, key) === selected
      ? key
      : undefined

  const select = (pkg: number): void => {
    const p = index.packages[pkg]
    if (!p) return
    setSelectedId(p.id)
    onSelectPackage?.(p.id)
  }
  const scrollTo = (key: string): void => setScroll((s) => ({ key, seq: (s?.seq ?? 0) + 1 }))
  const activateTreeRow = (row: PackageRow): void => {
    tree.select(row.key)
    select(row.pkg)
  }
  const activateWhyRow = (row: PackageRow): void => {
    why.select(row.key)
    select(row.pkg)
  }
  const showInTree = (pkg: number): void => {
    select(pkg)
    const key = tree.first.get(pkg)
    if (key === undefined) return
    tree.reveal([key])
    tree.select(key)
    scrollTo(key)
    setTab('tree')
  }
  const showWhy = (pkg: number | undefined): void => {
    setWhyId(pkg === undefined ? undefined : index.packages[pkg]?.id)
    if (pkg !== undefined) select(pkg)
    setTab('why')
  }

  if (index.roots.length === 0) {
    return (
      <div className="dt-view dt-state">
        <p>There are no packages to show.</p>
        <p className="muted small">The resolved graph has no workspace members.</p>
      </div>
    )
  }
  const panel = (name: DependencyTab) => ({
    role: 'tabpanel',
    id: `${id}-panel-${name}`,
    'aria-labelledby': `${id}-tab-${name}`,
    hidden: tab !== name,
    className: 'dt-tabpanel'
  })
  return (
    <div className="dt-view" aria-busy={loading}>
      {loading && (
        <p className="dt-banner" role="status">
          Resolving again… this is the last result.
        </p>
      )}
      {error !== undefined && (
        <div className="dt-banner-error">
          <ErrorMessage error={error} title="Could not resolve again; this is the last result" />
          {onRetry && (
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {index.unknownIds.length > 0 && (
        <p className="dt-banner dt-banner-warn" role="alert">
          The graph names {index.unknownIds.length} package{index.unknownIds.length === 1 ? '' : 's'} it does
          not list ({index.unknownIds.slice(0, 3).join(', ')}
          {index.unknownIds.length > 3 ? ', …' : ''}): what points there is left out.
        </p>
      )}
      <ViewTabs idPrefix={id} selected={tab} duplicates={duplicates.length} onSelect={setTab} />
      <div className="dt-body">
        <div className="dt-main">
          <div {...panel('tree')}>
            <TreePanel
              index={index}
              tree={tree}
              selectedKey={selectedIn(tree.selectedKey, treeSpec)}
              scrollRequest={scroll}
              onScrollTo={scrollTo}
              onActivate={activateTreeRow}
            />
          </div>
          {/* The tree keeps its search while hidden; the others hold no state and mount when shown. */}
          <div {...panel('why')}>
            {tab === 'why' && (
              <InvertedPanel
                index={index}
                target={whyPkg}
                tree={why}
                selectedKey={selectedIn(why.selectedKey, whySpec)}
                onTarget={showWhy}
                onActivate={activateWhyRow}
                onSelectPackage={select}
              />
            )}
          </div>
          <div {...panel('duplicates')}>
            {tab === 'duplicates' && (
              <DuplicatesPanel
                index={index}
                groups={duplicates}
                onSelectPackage={select}
                onWhy={showWhy}
                onShowInTree={showInTree}
              />
            )}
          </div>
        </div>
        <PackageDetails
          index={index}
          pkg={selected}
          onSelectPackage={select}
          onWhy={showWhy}
          onShowInTree={showInTree}
        />
      </div>
    </div>
  )
}
