/**
 * The dependency tree with its toolbar: find by name (matches are highlighted and the rows above
 * them opened; "Only matches" cuts the tree down to them), step through matches, open or close
 * everything, and copy the tree as `cargo tree` prints it.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { CARGO_EXPANSION, COLLAPSED } from './model/expansion'
import type { GraphIndex } from './model/graph-index'
import { filterRows, matchingPackages, parseQuery } from './model/search'
import { treeText } from './model/tree-text'
import type { PackageRow } from './model/tree-rows'
import { TreeList, type ScrollRequest } from './tree-list'
import type { TreeState } from './use-tree-state'

interface Props {
  readonly index: GraphIndex
  readonly tree: TreeState
  /** The row to mark selected (the tree's own, while its package is the one shown in the details). */
  readonly selectedKey: string | undefined
  readonly scrollRequest: ScrollRequest | undefined
  readonly onScrollTo: (key: string) => void
  readonly onActivate: (row: PackageRow) => void
}

function statusLine(index: GraphIndex, rows: number): string {
  const count = `${rows.toLocaleString()} row${rows === 1 ? '' : 's'}`
  if (index.roots.every((r) => (index.dependencies[r] ?? []).length === 0))
    return `${count} · no dependencies`
  return `${count} · (*) marks a package whose dependencies are shown where it first appears`
}

export function TreePanel({ index, tree, selectedKey, scrollRequest, onScrollTo, onActivate }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const [onlyMatches, setOnlyMatches] = useState(false)
  const [copyStatus, setCopyStatus] = useState<string | undefined>()
  const query = useMemo(() => parseQuery(text), [text])
  const matches = useMemo(() => (query ? matchingPackages(index, query) : new Set<number>()), [index, query])
  const rows = useMemo(
    () =>
      query && onlyMatches
        ? filterRows(tree.rows, (r) => r.type === 'package' && matches.has(r.pkg))
        : tree.rows,
    [tree.rows, query, onlyMatches, matches]
  )
  const matchRows = useMemo(
    () => rows.flatMap((r, i) => (r.type === 'package' && matches.has(r.pkg) ? [i] : [])),
    [rows, matches]
  )
  const focusIndex = rows.findIndex((r) => r.key === tree.focusKey)
  const current = matchRows.indexOf(focusIndex)

  const search = (value: string): void => {
    setText(value)
    setCopyStatus(undefined)
    const q = parseQuery(value)
    if (!q) return
    // Open the way to where each match is unfolded; its repeats show wherever their parent is open.
    const found = matchingPackages(index, q)
    tree.reveal([...found].flatMap((pkg) => tree.first.get(pkg) ?? []))
  }

  const goToMatch = (step: 1 | -1): void => {
    if (matchRows.length === 0) return
    const from = current >= 0 ? current : step === 1 ? -1 : 0
    const i = matchRows[(from + step + matchRows.length) % matchRows.length]
    const row = i === undefined ? undefined : rows[i]
    if (row?.type !== 'package') return
    onActivate(row)
    onScrollTo(row.key)
  }

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      goToMatch(e.shiftKey ? -1 : 1)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      document.getElementById(`${id}-tree`)?.focus()
    }
  }

  const copy = (): void => {
    const out = treeText(index, rows)
    const lines = out.split('\n').length - 1
    const failed = (): void => setCopyStatus('Could not copy: the clipboard is not available here')
    // Absent outside a secure context (a page served over plain http from another host).
    const clipboard = navigator.clipboard as Clipboard | undefined
    if (!clipboard) return failed()
    clipboard.writeText(out).then(() => setCopyStatus(`Copied ${lines.toLocaleString()} lines`), failed)
  }

  return (
    <div className="dt-panel">
      <div className="dt-toolbar" role="toolbar" aria-label="Dependency tree">
        <input
          type="search"
          className="dt-search"
          placeholder="Find a package (name or name@version)"
          aria-label="Find a package"
          aria-controls={`${id}-tree`}
          value={text}
          onChange={(e) => search(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <label className="dt-check">
          <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} />
          Only matches
        </label>
        {query && (
          <>
            <span className="dt-match-count" role="status">
              {matchRows.length === 0
                ? 'No matches'
                : `${current >= 0 ? `${current + 1} of ` : ''}${matchRows.length} row${matchRows.length === 1 ? '' : 's'}`}
            </span>
            <button
              type="button"
              className="icon-button"
              onClick={() => goToMatch(-1)}
              title="Previous match (Shift+Enter)"
              aria-label="Previous match"
              disabled={matchRows.length === 0}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => goToMatch(1)}
              title="Next match (Enter)"
              aria-label="Next match"
              disabled={matchRows.length === 0}
            >
              ↓
            </button>
          </>
        )}
        <span className="dt-toolbar-end">
          <button
            type="button"
            onClick={() => tree.setExpansion(CARGO_EXPANSION)}
            title="Open every package where it first appears, as cargo tree prints it"
          >
            Expand all
          </button>
          <button type="button" onClick={() => tree.setExpansion(COLLAPSED)}>
            Collapse all
          </button>
          <button type="button" onClick={copy} title="Copy the rows shown, as cargo tree prints them">
            Copy as text
          </button>
        </span>
      </div>
      <p className="dt-toolbar-status muted small" aria-live="polite">
        {copyStatus ?? statusLine(index, rows.length)}
      </p>
      <TreeList
        id={`${id}-tree`}
        label="Dependency tree"
        index={index}
        rows={rows}
        focusKey={tree.focusKey}
        selectedKey={selectedKey}
        query={query}
        scrollRequest={scrollRequest}
        onFocusRow={tree.setFocus}
        onActivate={onActivate}
        onToggle={tree.toggle}
      />
    </div>
  )
}
