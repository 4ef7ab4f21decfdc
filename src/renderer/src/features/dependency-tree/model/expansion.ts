/**
 * Which rows are open. By default a package is open where it first appears and closed where it
 * repeats, as cargo tree prints it; the person's own choices are kept per row key, so opening
 * one repeat shows that subtree without unfolding every other copy.
 */

export interface Expansion {
  /** Whether first occurrences are open (cargo's full tree) or everything starts closed. */
  readonly defaultOpen: boolean
  /** Rows opened or closed by hand (or by a search revealing a match), by row key. */
  readonly overrides: ReadonlyMap<string, boolean>
}

/** Cargo tree's picture: every first occurrence open, every repeat `(*)` closed. */
export const CARGO_EXPANSION: Expansion = { defaultOpen: true, overrides: new Map() }

/** Only the roots' rows. */
export const COLLAPSED: Expansion = { defaultOpen: false, overrides: new Map() }

export function isExpanded(expansion: Expansion, key: string, firstOccurrence: boolean): boolean {
  return expansion.overrides.get(key) ?? (expansion.defaultOpen && firstOccurrence)
}

export function setExpanded(expansion: Expansion, keys: Iterable<string>, open: boolean): Expansion {
  const overrides = new Map(expansion.overrides)
  for (const key of keys) overrides.set(key, open)
  return { defaultOpen: expansion.defaultOpen, overrides }
}

/** The keys of a row's ancestors, outermost first (a row key is its path of edges: `root.edge.edge`). */
export function ancestorKeys(key: string): string[] {
  const keys: string[] = []
  for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) keys.push(key.slice(0, i))
  return keys
}

/** Opens every ancestor of the given rows so they become visible (the same object when all are already opened). */
export function revealKeys(expansion: Expansion, keys: Iterable<string>): Expansion {
  const open = new Set<string>()
  for (const key of keys) for (const a of ancestorKeys(key)) open.add(a)
  for (const key of open) if (expansion.overrides.get(key) !== true) return setExpanded(expansion, open, true)
  return expansion
}
