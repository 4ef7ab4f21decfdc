/** A package named as a link that selects it (shows its details). */
import type { GraphIndex } from './model/graph-index'

interface Props {
  readonly index: GraphIndex
  readonly pkg: number
  readonly onSelect: (pkg: number) => void
}

export function PackageRef({ index, pkg, onSelect }: Props) {
  const p = index.packages[pkg]
  if (!p) return null
  return (
    <button type="button" className="link-button dt-ref" onClick={() => onSelect(pkg)}>
      {p.name} <span className="dt-ref-version">v{p.version}</span>
    </button>
  )
}
