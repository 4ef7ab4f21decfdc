/** Tree, "Why is it here?" and Duplicates, as an ARIA tab list (arrow keys move between tabs). */
import { useRef, type KeyboardEvent } from 'react'

export type DependencyTab = 'tree' | 'why' | 'duplicates'

interface Props {
  readonly idPrefix: string
  readonly selected: DependencyTab
  readonly duplicates: number
  readonly onSelect: (tab: DependencyTab) => void
}

export function ViewTabs({ idPrefix, selected, duplicates, onSelect }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const tabs: readonly { readonly tab: DependencyTab; readonly label: string; readonly count?: number }[] = [
    { tab: 'tree', label: 'Tree' },
    { tab: 'why', label: 'Why is it here?' },
    { tab: 'duplicates', label: 'Duplicates', count: duplicates }
  ]
  const onKeyDown = (e: KeyboardEvent): void => {
    const index = tabs.findIndex((t) => t.tab === selected)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const next = (index + step + tabs.length) % tabs.length
    refs.current[next]?.focus()
    const target = tabs[next]
    if (target) onSelect(target.tab)
  }
  return (
    <div className="dt-tabs" role="tablist" aria-label="Dependency views" onKeyDown={onKeyDown}>
      {tabs.map(({ tab, label, count }, i) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab}`}
          aria-selected={selected === tab}
          aria-controls={`${idPrefix}-panel-${tab}`}
          tabIndex={selected === tab ? 0 : -1}
          className="dt-tab"
          onClick={() => onSelect(tab)}
        >
          {label}
          {count !== undefined && <span className={`count${count > 0 ? ' warning' : ''}`}>{count}</span>}
        </button>
      ))}
    </div>
  )
}
