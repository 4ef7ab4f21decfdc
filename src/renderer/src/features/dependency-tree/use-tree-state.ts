/**
 * One tree's state: which rows are open, which row has focus and which is selected, over the
 * rows derived from the graph. A new graph or another root starts afresh (row keys name edges of
 * one graph, so they mean nothing in the next).
 */
import { useCallback, useMemo, useState } from 'react'
import { CARGO_EXPANSION, revealKeys, setExpanded, type Expansion } from './model/expansion'
import type { GraphIndex } from './model/graph-index'
import { firstOccurrences, flattenTree, type TreeRow, type TreeSpec } from './model/tree-rows'

interface State {
  readonly index: GraphIndex
  readonly spec: TreeSpec
  readonly expansion: Expansion
  readonly focusKey: string | undefined
  readonly selectedKey: string | undefined
}

const fresh = (index: GraphIndex, spec: TreeSpec): State => ({
  index,
  spec,
  expansion: CARGO_EXPANSION,
  focusKey: undefined,
  selectedKey: undefined
})

export interface TreeState {
  readonly rows: readonly TreeRow[]
  /** Where each package is unfolded (its other rows are `(*)` repeats). */
  readonly first: ReadonlyMap<number, string>
  readonly expansion: Expansion
  readonly focusKey: string | undefined
  readonly selectedKey: string | undefined
  readonly setFocus: (key: string) => void
  readonly select: (key: string) => void
  readonly toggle: (keys: readonly string[], open: boolean) => void
  readonly setExpansion: (expansion: Expansion) => void
  /** Opens the rows above these keys so they show. */
  readonly reveal: (keys: Iterable<string>) => void
}

export function useTreeState(index: GraphIndex, spec: TreeSpec): TreeState {
  const [state, setState] = useState<State>(() => fresh(index, spec))
  // A new graph or root: start afresh (React's "adjust state when a prop changes" pattern).
  const current = state.index === index && state.spec === spec ? state : fresh(index, spec)
  if (current !== state) setState(current)

  const first = useMemo(() => firstOccurrences(index, spec), [index, spec])
  const rows = useMemo(
    () => flattenTree(index, spec, first, current.expansion),
    [index, spec, first, current.expansion]
  )
  const setFocus = useCallback((key: string) => setState((s) => ({ ...s, focusKey: key })), [])
  const select = useCallback(
    (key: string) => setState((s) => ({ ...s, focusKey: key, selectedKey: key })),
    []
  )
  const toggle = useCallback(
    (keys: readonly string[], open: boolean) =>
      setState((s) => ({ ...s, expansion: setExpanded(s.expansion, keys, open) })),
    []
  )
  const setExpansionState = useCallback((expansion: Expansion) => setState((s) => ({ ...s, expansion })), [])
  const reveal = useCallback(
    (keys: Iterable<string>) => setState((s) => ({ ...s, expansion: revealKeys(s.expansion, keys) })),
    []
  )
  return {
    rows,
    first,
    expansion: current.expansion,
    focusKey: current.focusKey,
    selectedKey: current.selectedKey,
    setFocus,
    select,
    toggle,
    setExpansion: setExpansionState,
    reveal
  }
}
