/**
 * Overview and Manifest, as an ARIA tab list (arrow keys move between tabs). Leaving the
 * Manifest tab with unsaved changes asks first, through the leave guards.
 */
import { useRef, useState, type KeyboardEvent } from 'react'
import { confirmLeave } from '../../lib/leave-guard'

export type ProjectTab = 'overview' | 'manifest' | 'dependencies'

const TABS: readonly { readonly tab: ProjectTab; readonly label: string }[] = [
  { tab: 'overview', label: 'Overview' },
  { tab: 'manifest', label: 'Manifest' },
  { tab: 'dependencies', label: 'Dependencies' }
]

/** The selected tab; switching away goes through the leave guards. */
export function useProjectTab(): readonly [ProjectTab, (tab: ProjectTab) => void] {
  const [tab, setTab] = useState<ProjectTab>('overview')
  const select = (next: ProjectTab): void => {
    if (next === tab) return
    void confirmLeave().then((ok) => ok && setTab(next))
  }
  return [tab, select]
}

export function ProjectTabs({
  selected,
  onSelect
}: {
  readonly selected: ProjectTab
  readonly onSelect: (tab: ProjectTab) => void
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent): void => {
    const index = TABS.findIndex((t) => t.tab === selected)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const next = (index + step + TABS.length) % TABS.length
    refs.current[next]?.focus()
    const target = TABS[next]
    if (target) onSelect(target.tab)
  }
  return (
    <div className="project-tabs" role="tablist" aria-label="Project views" onKeyDown={onKeyDown}>
      {TABS.map(({ tab, label }, i) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`project-tab-${tab}`}
          aria-selected={selected === tab}
          aria-controls={`project-panel-${tab}`}
          tabIndex={selected === tab ? 0 : -1}
          className="project-tab"
          onClick={() => onSelect(tab)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
